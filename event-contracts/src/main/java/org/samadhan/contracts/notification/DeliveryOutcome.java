package org.samadhan.contracts.notification;

import java.time.Instant;
import java.util.List;

/**
 * What became of one message sent to a citizen, or of one alert sent to an official: the payload of
 * {@code notification.deliveries.v1} (schema {@code contracts/schemas/notification.deliveries.v1.schema.json}), keyed
 * by {@code outboundId}, one event per state the message reached (sent, delivered, read, failed, dead-lettered). For
 * analytics: citizens appear only as {@code citizenRef}; an official's alert has none (the schema refuses one).
 *
 * @param kind       what the message was: {@code reply} or the grievance event it told the citizen about
 *                   ({@code registered}, {@code resolved}, ...), or an official's alert, {@code official-} and what
 *                   it told ({@link #ALERT_KINDS})
 * @param errorCode  WhatsApp's error code for failed and dead-lettered messages
 * @param template   true when it went out as an approved template because the 24-hour window was closed
 */
public record DeliveryOutcome(
        String eventId,
        String eventType,
        Instant occurredAt,
        String districtCode,
        String outboundId,
        String kind,
        String grievanceId,
        String citizenRef,
        String language,
        String state,
        Integer errorCode,
        String errorTitle,
        boolean template,
        int attempts) {

    /** CloudEvents type of this event. */
    public static final String EVENT_TYPE = "org.samadhan.notification.delivery.v1";

    /** The kinds of officials' alerts: assigned to you, due, escalated to you / away from you, rejected, disputed. */
    public static final List<String> ALERT_KINDS = List.of("official-assigned", "official-due",
            "official-escalated", "official-escalated-away", "official-rejected", "official-disputed");
}
