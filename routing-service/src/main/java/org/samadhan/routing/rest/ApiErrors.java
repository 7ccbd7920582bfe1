package org.samadhan.routing.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Clear JSON answers for every refusal: 400 naming the field, 404, 409, 413, 429, 503; never a trace. */
public class ApiErrors {

    private static final Logger LOG = Logger.getLogger(ApiErrors.class);

    /** The body of every error answer. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ApiError(int status, String error, String field) {
    }

    /** A request field that is missing or wrong. */
    public static class InvalidInput extends RuntimeException {
        private final String field;

        public InvalidInput(String field, String message) {
            super(message);
            this.field = field;
        }
    }

    public static class NotFound extends RuntimeException {
        public NotFound(String message) {
            super(message);
        }
    }

    /** Someone else changed what the caller meant to change. */
    public static class Conflict extends RuntimeException {
        public Conflict(String message) {
            super(message);
        }
    }

    public static class TooManyRequests extends RuntimeException {
        public TooManyRequests(String message) {
            super(message);
        }
    }

    /**
     * Reads a request body; done by the resources rather than the framework so that every malformed body gets the
     * same clear answer (Quarkus answers some parse errors with an empty 400).
     */
    static <T> T readBody(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw new InvalidInput("body", "A JSON body is required");
        }
        try {
            return org.samadhan.contracts.Json.mapper().readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new InvalidInput("body", "The body is not the expected JSON: " + e.getOriginalMessage());
        }
    }

    @ServerExceptionMapper
    public Response invalid(InvalidInput e) {
        return answer(400, e.getMessage(), e.field);
    }

    @ServerExceptionMapper
    public Response notFound(NotFound e) {
        return answer(404, e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response conflict(Conflict e) {
        return answer(409, e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response tooMany(TooManyRequests e) {
        return Response.status(429).header("Retry-After", "60").entity(new ApiError(429, e.getMessage(), null))
                .type("application/json").build();
    }

    @ServerExceptionMapper
    public Response unavailable(SQLException e) {
        LOG.warnf("Database error answered 503: %s", e.getMessage());
        return answer(503, "The directory store is unavailable; try again shortly", null);
    }

    private static Response answer(int status, String message, String field) {
        return Response.status(status).entity(new ApiError(status, message, field)).type("application/json").build();
    }
}
