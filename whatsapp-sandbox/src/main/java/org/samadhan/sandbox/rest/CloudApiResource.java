package org.samadhan.sandbox.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Optional;
import org.samadhan.contracts.Json;
import org.samadhan.sandbox.Conversations;
import org.samadhan.sandbox.Faults;
import org.samadhan.sandbox.GraphError;
import org.samadhan.sandbox.RateLimits;
import org.samadhan.sandbox.SendValidator;
import org.samadhan.sandbox.StatusReporter;
import org.samadhan.sandbox.config.SandboxConfig;
import org.samadhan.testsupport.WhatsAppIds;

/**
 * The Cloud API send endpoint, {@code POST /{version}/{phone-number-id}/messages}: checks the token, the limits and
 * the request as WhatsApp does, answers a wamid (or WhatsApp's error shape), and reports statuses later by webhook.
 */
@Path("/{version: v\\d+\\.\\d+}/{phoneNumberId}/messages")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class CloudApiResource {

    private final SandboxConfig config;
    private final SendValidator validator;
    private final RateLimits limits;
    private final Faults faults;
    private final Conversations conversations;
    private final StatusReporter statuses;

    public CloudApiResource(SandboxConfig config, SendValidator validator, RateLimits limits, Faults faults,
                            Conversations conversations, StatusReporter statuses) {
        this.config = config;
        this.validator = validator;
        this.limits = limits;
        this.faults = faults;
        this.conversations = conversations;
        this.statuses = statuses;
    }

    @POST
    @Blocking // injected delays sleep
    public Response send(@PathParam("phoneNumberId") String phoneNumberId,
                         @HeaderParam("Authorization") String authorization, JsonNode request)
            throws InterruptedException {
        if (!("Bearer " + config.accessToken()).equals(authorization)) {
            return new GraphError(401, 190, "Invalid OAuth access token", "The access token could not be decrypted")
                    .toResponse();
        }
        if (!config.phoneNumberId().equals(phoneNumberId)) {
            return GraphError.invalidParameter("Unsupported post request. Object with ID '" + phoneNumberId
                    + "' does not exist").toResponse();
        }
        if (request == null || !request.isObject()) {
            return GraphError.invalidParameter("The request body must be a JSON object").toResponse();
        }
        long delay = faults.delayMillis();
        if (delay > 0) {
            Thread.sleep(delay);
        }
        if ("read".equals(request.path("status").asText())) {
            conversations.markRead(request.path("message_id").asText());
            return Response.ok(Json.mapper().createObjectNode().put("success", true)).build();
        }
        Optional<GraphError> refusal = faults.error().or(() -> validator.check(request));
        if (refusal.isPresent()) {
            return refusal.get().toResponse();
        }
        // A phone number as "to", or a business-scoped user id as "recipient" (the phone number wins when both come).
        boolean byUserId = request.path("to").asText("").isEmpty();
        String citizen = byUserId ? request.path("recipient").asText()
                : request.path("to").asText().replace("+", "");
        String wamid = WhatsAppIds.messageId(citizen); // as WhatsApp's: it carries the recipient's number
        Instant now;
        synchronized (limits) { // the recorded arrival times are exactly what the limiter counted: one clock reading
            now = Instant.now();
            refusal = limits.take(citizen, now.getEpochSecond() * 1_000_000_000L + now.getNano());
            if (refusal.isPresent()) {
                return refusal.get().toResponse();
            }
            conversations.outbound(citizen, wamid, request, now);
        }
        boolean template = "template".equals(request.path("type").asText());
        boolean windowOpen = conversations.windowOpen(citizen, now);
        statuses.accepted(wamid, citizen, byUserId, request.path("biz_opaque_callback_data").asText(null),
                windowOpen, template, conversations.isUndeliverable(citizen));
        String input = request.path(byUserId ? "recipient" : "to").asText();
        return Response.ok(accepted(input, citizen, byUserId, wamid, template)).build();
    }

    private static ObjectNode accepted(String input, String citizen, boolean byUserId, String wamid,
                                       boolean template) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("messaging_product", "whatsapp");
        body.putArray("contacts").addObject().put("input", input).put(byUserId ? "user_id" : "wa_id", citizen);
        ObjectNode message = body.putArray("messages").addObject().put("id", wamid);
        if (template) {
            message.put("message_status", "accepted");
        }
        return body;
    }
}
