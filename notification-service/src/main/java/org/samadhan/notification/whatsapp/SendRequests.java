package org.samadhan.notification.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.samadhan.contracts.Json;
import org.samadhan.notification.persistence.PendingMessage;

/**
 * Cloud API request bodies for a queued message: free-form (text, reply buttons, list) or its approved template.
 * Every request carries the outbound id as {@code biz_opaque_callback_data}, which WhatsApp echoes in statuses: that
 * is how a send whose answer was never recorded is recognised.
 */
public final class SendRequests {

    private SendRequests() {
    }

    public static ObjectNode freeForm(PendingMessage message) {
        ObjectNode request = envelope(message);
        JsonNode content = message.message().path("content");
        String replyTo = message.message().path("replyTo").asText(null);
        if (replyTo != null) {
            request.putObject("context").put("message_id", replyTo);
        }
        switch (content.path("type").asText()) {
            case "BUTTONS" -> {
                ObjectNode interactive = interactive(request, "button", content);
                ArrayNode buttons = interactive.putObject("action").putArray("buttons");
                for (JsonNode button : content.path("buttons")) {
                    buttons.addObject().put("type", "reply").putObject("reply")
                            .put("id", button.path("id").asText()).put("title", button.path("title").asText());
                }
            }
            case "LIST" -> {
                ObjectNode interactive = interactive(request, "list", content);
                JsonNode list = content.path("list");
                ObjectNode action = interactive.putObject("action");
                action.put("button", list.path("button").asText());
                ArrayNode sections = action.putArray("sections");
                for (JsonNode section : list.path("sections")) {
                    ObjectNode out = sections.addObject();
                    if (section.hasNonNull("title")) {
                        out.put("title", section.path("title").asText());
                    }
                    ArrayNode rows = out.putArray("rows");
                    for (JsonNode row : section.path("rows")) {
                        ObjectNode r = rows.addObject().put("id", row.path("id").asText())
                                .put("title", row.path("title").asText());
                        if (row.hasNonNull("description")) {
                            r.put("description", row.path("description").asText());
                        }
                    }
                }
            }
            default -> {
                request.put("type", "text");
                request.putObject("text").put("preview_url", false).put("body", content.path("body").asText());
            }
        }
        return request;
    }

    public static ObjectNode template(PendingMessage message) {
        ObjectNode request = envelope(message);
        request.put("type", "template");
        ObjectNode template = request.putObject("template");
        template.put("name", message.template().path("name").asText());
        template.putObject("language").put("code", message.language());
        ArrayNode parameters = template.putArray("components").addObject().put("type", "body")
                .putArray("parameters");
        for (JsonNode parameter : message.template().path("parameters")) {
            parameters.addObject().put("type", "text").put("text", parameter.asText());
        }
        return request;
    }

    private static ObjectNode envelope(PendingMessage message) {
        ObjectNode request = Json.mapper().createObjectNode();
        request.put("messaging_product", "whatsapp");
        request.put("recipient_type", "individual");
        // A phone number goes as "to"; a business-scoped user id as "recipient" (WhatsApp's 2026 field).
        request.put(Recipients.isPhoneNumber(message.waId()) ? "to" : "recipient", message.waId());
        request.put("biz_opaque_callback_data", message.outboundId());
        return request;
    }

    private static ObjectNode interactive(ObjectNode request, String type, JsonNode content) {
        request.put("type", "interactive");
        ObjectNode interactive = request.putObject("interactive");
        interactive.put("type", type);
        if (content.hasNonNull("header")) {
            interactive.putObject("header").put("type", "text").put("text", content.path("header").asText());
        }
        interactive.putObject("body").put("text", content.path("body").asText());
        if (content.hasNonNull("footer")) {
            interactive.putObject("footer").put("text", content.path("footer").asText());
        }
        return interactive;
    }
}
