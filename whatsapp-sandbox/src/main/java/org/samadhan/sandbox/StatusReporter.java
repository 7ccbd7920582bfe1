package org.samadhan.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.samadhan.contracts.Json;
import org.samadhan.sandbox.config.SandboxConfig;

/**
 * Reports what became of an accepted send, as WhatsApp does, later and by webhook: sent, delivered, read; sometimes
 * without delivered, sometimes read before delivered, sometimes several in one webhook. A free-form message outside
 * the 24-hour window fails with 131047 and an undeliverable number with 131026, although the send was accepted.
 */
@ApplicationScoped
public class StatusReporter {

    private final WebhookDelivery webhooks;
    private final Conversations conversations;
    private final SandboxConfig config;
    private final Random random;

    public StatusReporter(WebhookDelivery webhooks, Conversations conversations, SandboxConfig config) {
        this.webhooks = webhooks;
        this.conversations = conversations;
        this.config = config;
        this.random = new Random(config.randomSeed());
    }

    /** {@code byUserId}: the send named a business-scoped user id, which statuses report as recipient_user_id. */
    public void accepted(String wamid, String citizen, boolean byUserId, String callbackData, boolean windowOpen,
                         boolean template, boolean undeliverable) {
        String recipientField = byUserId ? "recipient_user_id" : "recipient_id";
        Duration delay = config.statusDelay();
        if (undeliverable) {
            report(List.of(failed(wamid, recipientField, citizen, callbackData,
                    131026, "Message undeliverable", "Message Undeliverable.")), delay);
            return;
        }
        if (!windowOpen && !template) {
            report(List.of(failed(wamid, recipientField, citizen, callbackData,
                    131047, "Re-engagement message", "Message failed to send because more than 24 hours have passed "
                            + "since the customer last replied to this number.")), delay);
            return;
        }
        List<String> states = new ArrayList<>(List.of("sent", "delivered", "read"));
        boolean skipDelivered;
        boolean outOfOrder;
        boolean batched;
        synchronized (random) {
            skipDelivered = random.nextDouble() < config.skipDeliveredRate();
            outOfOrder = random.nextDouble() < config.outOfOrderRate();
            batched = random.nextDouble() < 0.3;
        }
        if (skipDelivered) {
            states.remove("delivered");
        } else if (outOfOrder) {
            states = new ArrayList<>(List.of("sent", "read", "delivered"));
        }
        List<JsonNode> statuses = states.stream()
                .map(state -> (JsonNode) status(wamid, recipientField, citizen, callbackData, state)).toList();
        if (batched) {
            report(statuses, delay);
        } else {
            for (int i = 0; i < statuses.size(); i++) {
                report(List.of(statuses.get(i)), delay.multipliedBy(i + 1L));
            }
        }
    }

    /** When they fall due, the statuses show as ticks on the citizen's phone and go to the gateway. */
    private void report(List<JsonNode> statuses, Duration delay) {
        webhooks.later(() -> {
            for (JsonNode status : statuses) {
                JsonNode error = status.path("errors").path(0);
                conversations.reported(status.path("id").asText(), status.path("status").asText(), error.isMissingNode()
                        ? null : new Conversations.Failure(error.path("code").asInt(), error.path("title").asText()));
            }
            webhooks.statuses(statuses);
        }, delay);
    }

    private static ObjectNode status(String wamid, String recipientField, String citizen, String callbackData,
                                     String state) {
        ObjectNode status = Json.mapper().createObjectNode();
        status.put("id", wamid);
        status.put("status", state);
        status.put("timestamp", String.valueOf(Instant.now().getEpochSecond()));
        status.put(recipientField, citizen);
        if (callbackData != null) {
            status.put("biz_opaque_callback_data", callbackData);
        }
        if (!"read".equals(state)) {
            status.putObject("pricing").put("billable", false).put("pricing_model", "PMP")
                    .put("category", "service").put("type", "free_customer_service");
        }
        return status;
    }

    private static ObjectNode failed(String wamid, String recipientField, String citizen, String callbackData,
                                     int code, String title, String details) {
        ObjectNode status = status(wamid, recipientField, citizen, callbackData, "failed");
        status.remove("pricing");
        ObjectNode error = status.putArray("errors").addObject();
        error.put("code", code);
        error.put("title", title);
        error.put("message", title);
        error.putObject("error_data").put("details", details);
        error.put("href", "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/");
        return status;
    }
}
