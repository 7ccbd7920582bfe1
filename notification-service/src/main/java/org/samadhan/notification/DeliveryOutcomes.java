package org.samadhan.notification;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import org.samadhan.contracts.Topics;
import org.samadhan.contracts.notification.DeliveryOutcome;
import org.samadhan.messaging.OutboxRecord;
import org.samadhan.messaging.OutboxWriter;
import org.samadhan.notification.config.NotificationConfig;

/**
 * Publishes what became of a message (notification.deliveries.v1) through the outbox, once per state reached, under
 * its published id (key, {@code outboundId}, {@code ce_subject}): analytics never sees the raw outbound id, which can
 * carry a phone number inside a WhatsApp message id.
 */
@ApplicationScoped
public class DeliveryOutcomes {

    private final NotificationConfig config;
    private final PublishedIds publishedIds;

    public DeliveryOutcomes(NotificationConfig config, PublishedIds publishedIds) {
        this.config = config;
        this.publishedIds = publishedIds;
    }

    public void publish(Connection c, String outboundId, String kind, UUID grievanceId, String citizenRef,
                        String language, String district, String state, Integer errorCode, String errorTitle,
                        boolean template, int attempts, Instant at) throws SQLException {
        OutboxWriter.append(c, outcome(outboundId, kind, grievanceId, citizenRef, language, district, state, errorCode,
                errorTitle, template, attempts, at));
    }

    /** The outbox record of an outcome, for callers that append many at once. */
    public OutboxRecord outcome(String outboundId, String kind, UUID grievanceId, String citizenRef, String language,
                                String district, String state, Integer errorCode, String errorTitle, boolean template,
                                int attempts, Instant at) {
        String published = publishedIds.of(outboundId);
        // One id per message and state: a replayed state republishes the same event id.
        String eventId = UUID.nameUUIDFromBytes((published + "/" + state).getBytes(StandardCharsets.UTF_8))
                .toString();
        var outcome = new DeliveryOutcome(eventId, DeliveryOutcome.EVENT_TYPE, at, district, published, kind,
                grievanceId == null ? null : grievanceId.toString(), citizenRef, language, state, errorCode,
                errorTitle, template, attempts);
        return OutboxRecord.event(Topics.NOTIFICATION_DELIVERIES, published, eventId, DeliveryOutcome.EVENT_TYPE,
                config.eventSource(), at, published, district, outcome);
    }
}
