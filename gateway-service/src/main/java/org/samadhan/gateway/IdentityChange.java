package org.samadhan.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code system} message saying that the citizen's WhatsApp id changed: the id they were known by until now and the
 * one their messages carry from now on.
 *
 * <ul>
 *   <li>{@code user_changed_user_id}, for a citizen known by their business-scoped user id (BSUID, no {@code from}):
 *       the new id is {@code system.user_id}; the old one is {@code from_user_id}, else {@code system.previous_user_id},
 *       else read from the notice's text ("User Kavita changed from IN.1349… to IN.2481…"), which is the only place
 *       Meta's own sample names it. A notice that carries {@code from} is about a citizen known by their phone
 *       number, whose id does not change.</li>
 *   <li>{@code user_changed_number}: from {@code from} to {@code system.wa_id} ({@code new_wa_id} before v12).</li>
 * </ul>
 */
record IdentityChange(String previousId, String newId) {

    private static final Pattern CHANGED_FROM = Pattern.compile("changed from (\\S+) to (\\S+)\\s*$");

    /** The change this message announces; null when it announces none. */
    static IdentityChange of(JsonNode message) {
        JsonNode system = message.path("system");
        String kind = text(system, "type");
        String from = text(message, "from");
        if ("user_changed_user_id".equals(kind) && from == null) {
            String newId = text(system, "user_id");
            if (newId == null) {
                throw new WebhookNormalizer.MalformedPayload("user_changed_user_id without system.user_id");
            }
            String previous = firstOf(text(message, "from_user_id"), text(system, "previous_user_id"),
                    previousInNotice(text(system, "body")));
            if (previous == null) {
                throw new WebhookNormalizer.MalformedPayload(
                        "user_changed_user_id names no previous user id (from_user_id, previous_user_id, body)");
            }
            return previous.equals(newId) ? null : new IdentityChange(previous, newId);
        }
        if ("user_changed_number".equals(kind) && from != null) {
            String newId = firstOf(text(system, "wa_id"), text(system, "new_wa_id"), null);
            return newId == null || newId.equals(from) ? null : new IdentityChange(from, newId);
        }
        return null;
    }

    private static String previousInNotice(String body) {
        if (body == null) {
            return null;
        }
        Matcher matcher = CHANGED_FROM.matcher(body.strip());
        return matcher.find() ? matcher.group(1) : null;
    }

    private static String firstOf(String a, String b, String c) {
        return a != null ? a : b != null ? b : c;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }
}
