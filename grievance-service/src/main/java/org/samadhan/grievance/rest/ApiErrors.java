package org.samadhan.grievance.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.samadhan.grievance.NotFound;
import org.samadhan.grievance.InvalidInput;
import org.samadhan.grievance.workflow.TransitionRefused;

/** Turns domain refusals into clear JSON answers: 400 naming the field, 404, 409 with the reason, never a trace. */
public class ApiErrors {

    private static final Logger LOG = Logger.getLogger(ApiErrors.class);

    /** The body of every error answer. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ApiError(int status, String error, String field) {
    }

    @ServerExceptionMapper
    public Response invalid(InvalidInput e) {
        return answer(Response.Status.BAD_REQUEST, e.getMessage(), e.field());
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        return answer(Response.Status.BAD_REQUEST, "The body is not the expected JSON: " + e.getOriginalMessage(),
                null);
    }

    @ServerExceptionMapper
    public Response notFound(NotFound e) {
        return answer(Response.Status.NOT_FOUND, e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response refused(TransitionRefused e) {
        return answer(Response.Status.CONFLICT, e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response unavailable(SQLException e) {
        LOG.warnf("Database error answered 503: %s", e.getMessage());
        return answer(Response.Status.SERVICE_UNAVAILABLE, "The grievance store is unavailable; try again shortly",
                null);
    }

    private static Response answer(Response.Status status, String message, String field) {
        return Response.status(status).entity(new ApiError(status.getStatusCode(), message, field))
                .type("application/json").build();
    }
}
