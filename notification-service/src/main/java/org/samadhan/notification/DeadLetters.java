package org.samadhan.notification;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import org.jboss.logging.Logger;
import org.samadhan.contracts.CitizenIds;
import org.samadhan.contracts.Topics;
import org.samadhan.messaging.OutboxRecord;
import org.samadhan.messaging.OutboxWriter;
import org.samadhan.notification.persistence.OutboundStore;
import org.samadhan.notification.persistence.PendingMessage;

/**
 * Gives up on a message being sent: DEAD, dead-lettered on {@code whatsapp.outbound.v1.dlq} with the reason (under
 * its published id) and a DEAD outcome, all on the caller's transaction, or nothing when the message moved on.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final DeliveryOutcomes outcomes;
    private final PublishedIds publishedIds;
    private final MeterRegistry metrics;

    public DeadLetters(DeliveryOutcomes outcomes, PublishedIds publishedIds, MeterRegistry metrics) {
        this.outcomes = outcomes;
        this.publishedIds = publishedIds;
        this.metrics = metrics;
    }

    /**
     * Returns false, doing nothing, when the message is no longer SENDING (a status showed it arrived).
     * {@code request} is the send that failed, or null to dead-letter the stored content.
     */
    public boolean giveUp(Connection c, PendingMessage message, Integer code, String reason, JsonNode request,
                          Instant now) throws SQLException {
        if (!OutboundStore.finish(c, message.outboundId(), "DEAD", code, reason, now)) {
            return false;
        }
        byte[] payload = (request == null ? message.message() : request).toString().getBytes(StandardCharsets.UTF_8);
        OutboxWriter.append(c, OutboxRecord.deadLetter(Topics.WHATSAPP_OUTBOUND, message.waId(), payload,
                publishedIds.of(message.outboundId()) + ": " + reason));
        outcomes.publish(c, message.outboundId(), message.kind(), message.grievanceId(), message.citizenRef(),
                message.language(), message.districtCode(), "DEAD", code, reason, message.asTemplate(),
                message.attempts(), now);
        return true;
    }

    /** Once the transaction that gave up has committed. */
    public void given(PendingMessage message, Integer code, String reason) {
        metrics.counter("notification.dead", "code", String.valueOf(code)).increment();
        LOG.warnf("Gave up on %s to %s: %s", publishedIds.of(message.outboundId()), CitizenIds.mask(message.waId()),
                reason);
    }
}
