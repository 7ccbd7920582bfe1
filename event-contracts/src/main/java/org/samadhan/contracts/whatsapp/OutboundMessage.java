package org.samadhan.contracts.whatsapp;

import java.time.Instant;
import java.util.List;

/**
 * A message to send to one citizen: the payload of {@code whatsapp.outbound.v1} (schema
 * {@code contracts/schemas/whatsapp.outbound.v1.schema.json}), keyed by the citizen's WhatsApp id so a conversation's
 * replies keep their order. {@code outboundId} is derived by the producer from what caused the message (for example
 * {@code reply:<inbound message id>:1}), so a producer that redoes its work produces the same id and the sender sends
 * it once. Internal topic: it carries the citizen's WhatsApp id, which sending needs.
 *
 * @param proactive false for replies to something the citizen just sent; true for messages the citizen did not ask
 *                  for, which an opted-out citizen does not receive
 * @param replyTo   the inbound message id this answers, shown as a quoted reply when set
 */
public record OutboundMessage(
        String outboundId,
        String eventType,
        Instant occurredAt,
        String districtCode,
        String citizenWaId,
        String language,
        boolean proactive,
        String replyTo,
        Content content) {

    /** CloudEvents type of this event. */
    public static final String EVENT_TYPE = "org.samadhan.whatsapp.message.outbound.v1";

    /** WhatsApp's limits on interactive messages (the schema states the same). */
    public static final int MAX_BUTTONS = 3;
    public static final int MAX_BUTTON_TITLE = 20;
    public static final int MAX_BODY_WITH_BUTTONS = 1024;
    public static final int MAX_TEXT_BODY = 4096;
    public static final int MAX_LIST_ROWS = 10;
    public static final int MAX_ROW_TITLE = 24;
    public static final int MAX_ROW_DESCRIPTION = 72;

    /** What the citizen sees: text, up to three reply buttons, or a list of up to ten rows. */
    public record Content(Type type, String body, String header, String footer, List<Button> buttons,
                          ListAction list) {

        public static Content text(String body) {
            return new Content(Type.TEXT, body, null, null, null, null);
        }

        public static Content buttons(String body, List<Button> buttons) {
            return new Content(Type.BUTTONS, body, null, null, buttons, null);
        }

        public static Content list(String body, ListAction list) {
            return new Content(Type.LIST, body, null, null, null, list);
        }
    }

    public enum Type { TEXT, BUTTONS, LIST }

    /** A reply button; its id comes back in the citizen's tap ({@code button_reply.id}). */
    public record Button(String id, String title) {
    }

    /** The list's opening button and its sections (at most 10 rows across all sections). */
    public record ListAction(String button, List<Section> sections) {
    }

    public record Section(String title, List<Row> rows) {
    }

    /** A list row; its id comes back in the citizen's pick ({@code list_reply.id}). */
    public record Row(String id, String title, String description) {
    }
}
