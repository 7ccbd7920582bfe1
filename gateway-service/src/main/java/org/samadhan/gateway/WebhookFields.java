package org.samadhan.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** Reads fields of WhatsApp's JSON as its payloads really come: strings or numbers, absent, null or empty. */
final class WebhookFields {

    /** The latest second an ISO-8601 date-time in the events can name (9999-12-31T23:59:59Z). */
    private static final long LAST_SECOND = 253_402_300_799L;

    private WebhookFields() {
    }

    /**
     * WhatsApp sends unix seconds as strings (some tools send numbers); anything else, and seconds outside the years
     * 1970 to 9999 that an ISO-8601 date-time in the events can name, falls back.
     */
    static Instant instant(JsonNode seconds, Instant fallback) {
        try {
            long value = seconds.isNumber() || seconds.isTextual() ? Long.parseLong(seconds.asText().trim()) : -1;
            return value >= 0 && value <= LAST_SECOND ? Instant.ofEpochSecond(value) : fallback;
        } catch (NumberFormatException notSeconds) {
            return fallback;
        }
    }

    static boolean isNumeric(JsonNode node) {
        if (node.isNumber()) {
            return true;
        }
        try {
            Double.parseDouble(node.asText(""));
            return node.isTextual();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static String firstText(JsonNode a, String fieldA, JsonNode b, String fieldB) {
        String value = text(a, fieldA);
        return value != null ? value : text(b, fieldB);
    }

    static String required(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null) {
            throw new WebhookNormalizer.MalformedPayload("missing '" + field + "'");
        }
        return value;
    }

    /** A field's value as text when it is a string or number; null when absent, null or structured. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() && !value.asText().isEmpty() ? value.asText() : null;
    }
}
