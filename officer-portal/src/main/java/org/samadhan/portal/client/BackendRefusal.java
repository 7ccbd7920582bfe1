package org.samadhan.portal.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;

/**
 * A service's answer other than success, in the services' shared error shape {@code {"status","error","field"?}}:
 * 404 (unknown or out of scope, which the portal shows identically), 400 naming a field, 409 with the workflow's
 * reason, anything else as unavailable.
 */
public class BackendRefusal extends RuntimeException {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int status;
    private final String field;

    public BackendRefusal(int status, String message, String field) {
        super(message);
        this.status = status;
        this.field = field;
    }

    static BackendRefusal of(String service, Response response) {
        int status = response.getStatus();
        String error = null;
        String field = null;
        try {
            JsonNode body = JSON.readTree(response.readEntity(String.class));
            error = body.path("error").asText(null);
            field = body.path("field").asText(null);
        } catch (RuntimeException | java.io.IOException e) {
            // Not the shared shape (a proxy's page, an empty body): the status alone says what happened.
        }
        return new BackendRefusal(status, error != null ? error : service + " answered " + status, field);
    }

    public int status() {
        return status;
    }

    /** The request field a 400 names, or null. */
    public String field() {
        return field;
    }

    public boolean notFound() {
        return status == 404;
    }

    /** A refusal the official can act on (a field to correct, a workflow rule), shown beside the form. */
    public boolean shownInPlace() {
        return status == 400 || status == 409 || status == 412;
    }
}
