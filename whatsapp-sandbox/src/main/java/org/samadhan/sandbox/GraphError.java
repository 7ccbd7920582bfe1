package org.samadhan.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.Response;
import org.samadhan.contracts.Json;

/** An error as the Graph API answers it: HTTP status and {@code {"error":{"code", "message", "error_data"}}}. */
public record GraphError(int httpStatus, int code, String title, String details) {

    public static GraphError invalidParameter(String details) {
        return new GraphError(400, 100, "Invalid parameter", details);
    }

    public static GraphError missing(String details) {
        return new GraphError(400, 131008, "Required parameter is missing", details);
    }

    public static GraphError notValid(String details) {
        return new GraphError(400, 131009, "Parameter value is not valid", details);
    }

    public Response toResponse() {
        ObjectNode error = Json.mapper().createObjectNode();
        ObjectNode body = error.putObject("error");
        body.put("message", "(#" + code + ") " + title);
        body.put("type", "OAuthException");
        body.put("code", code);
        body.putObject("error_data").put("messaging_product", "whatsapp").put("details", details);
        body.put("fbtrace_id", "Asandbox" + Long.toHexString(System.nanoTime()));
        return Response.status(httpStatus).entity(error).type("application/json").build();
    }
}
