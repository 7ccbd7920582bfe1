package org.samadhan.contracts.whatsapp;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * A citizen's choice to stop or resume proactive messages, as chatbot-service understood it from their own words:
 * the payload of {@code whatsapp.preferences.v1} (schema {@code contracts/schemas/whatsapp.preferences.v1.schema.json}),
 * keyed by the citizen's WhatsApp id so each citizen's choices stay in order. Internal: it carries the WhatsApp id,
 * which the sender needs. One event per citizen message that said it; its {@code eventId} derives from that message's
 * id, so redoing the work repeats it and consumers deduplicate on it.
 *
 * @param occurredAt when the citizen wrote it (WhatsApp's message time): the later choice wins, whatever the order
 *                   in which the events arrive
 * @param messageId  the citizen's message that said it
 */
public record MessagingPreference(
        String eventId,
        String eventType,
        Instant occurredAt,
        String districtCode,
        String citizenId,
        String citizenRef,
        Choice choice,
        String messageId,
        String language) {

    /** CloudEvents type of this event. */
    public static final String EVENT_TYPE = "org.samadhan.whatsapp.preference.changed.v1";

    /** Stop proactive messages (news of their grievances; answers to what they write still go), or resume them. */
    public enum Choice {
        OPT_OUT, OPT_IN
    }

    /** The event id for the choice said in {@code messageId}: the same message always gives the same id. */
    public static String eventIdFor(String messageId) {
        return UUID.nameUUIDFromBytes(("preference:" + messageId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** True for an opt-out. */
    public boolean optedOut() {
        return choice == Choice.OPT_OUT;
    }
}
