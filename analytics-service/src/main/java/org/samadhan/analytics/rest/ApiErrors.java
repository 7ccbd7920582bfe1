package org.samadhan.analytics.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.samadhan.analytics.InvalidInput;
import org.samadhan.contracts.directory.DirectoryUnavailable;

/** Clear JSON answers, never a trace: 400 naming the parameter, 503 while the figures cannot be read. */
public class ApiErrors {

    private static final Logger LOG = Logger.getLogger(ApiErrors.class);

    /** The body of every error answer (the same shape as grievance-service's). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ApiError(int status, String error, String field) {
    }

    @ServerExceptionMapper
    public Response invalid(InvalidInput e) {
        return answer(Response.Status.BAD_REQUEST, e.getMessage(), e.field());
    }

    @ServerExceptionMapper
    public Response noDirectory(DirectoryUnavailable e) {
        return answer(Response.Status.SERVICE_UNAVAILABLE,
                "The department directory has not arrived yet; try again shortly", null);
    }

    @ServerExceptionMapper
    public Response unavailable(SQLException e) {
        LOG.warnf("Database error answered 503 (SQL state %s)", e.getSQLState());
        return answer(Response.Status.SERVICE_UNAVAILABLE, "The review figures are unavailable; try again shortly",
                null);
    }

    private static Response answer(Response.Status status, String message, String field) {
        return Response.status(status).entity(new ApiError(status.getStatusCode(), message, field))
                .type("application/json").build();
    }
}
