package org.samadhan.notification;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.samadhan.contracts.whatsapp.DeliveryStatus;
import org.samadhan.contracts.whatsapp.ProviderError;
import org.samadhan.notification.persistence.DeliveryStore;
import org.samadhan.notification.persistence.OutboundStore;

/**
 * Applies WhatsApp's statuses to our messages. Statuses repeat, arrive out of order and skip states: each state is
 * recorded once, a later state implies the earlier ones (read means delivered and sent), and the current state only
 * moves forward. A 131047 failure (the 24-hour window had closed) sends the message again as its template.
 */
@ApplicationScoped
public class DeliveryTracking {

    private static final List<String> PROGRESS = List.of("SENDING", "ACCEPTED", "SENT", "DELIVERED", "READ");
    private static final int WINDOW_CLOSED = 131047;

    private final DeliveryOutcomes outcomes;
    private final MeterRegistry metrics;

    public DeliveryTracking(DeliveryOutcomes outcomes, MeterRegistry metrics) {
        this.outcomes = outcomes;
        this.metrics = metrics;
    }

    /** False when the status is about a message this service did not send. */
    public boolean apply(Connection c, DeliveryStatus status) throws SQLException {
        DeliveryStore.Tracked message = DeliveryStore.lock(c, status.providerMessageId(),
                status.bizOpaqueCallbackData());
        if (message == null) {
            metrics.counter("notification.statuses", "result", "not-ours").increment();
            return false;
        }
        Instant at = status.occurredAt() == null ? Instant.now() : status.occurredAt();
        String state = "played".equals(status.status()) ? "READ" : status.status().toUpperCase(java.util.Locale.ROOT);
        if ("FAILED".equals(state)) {
            failed(c, message, status, at);
            return true;
        }
        int rank = PROGRESS.indexOf(state);
        if (rank < 0) {
            metrics.counter("notification.statuses", "result", "unknown-state").increment();
            return true;
        }
        for (int implied = PROGRESS.indexOf("SENT"); implied <= rank; implied++) {
            String reached = PROGRESS.get(implied);
            if (DeliveryStore.reached(c, message.outboundId(), reached, at)) {
                outcomes.publish(c, message.outboundId(), message.kind(), message.grievanceId(), message.citizenRef(),
                        message.language(), message.districtCode(), reached, null, null, message.asTemplate(),
                        message.attempts(), at);
            }
        }
        if (rank > PROGRESS.indexOf(message.state())) {
            DeliveryStore.advance(c, message.outboundId(), state, status.providerMessageId(), null, null, at);
        }
        metrics.counter("notification.statuses", "result", state.toLowerCase(java.util.Locale.ROOT)).increment();
        return true;
    }

    private void failed(Connection c, DeliveryStore.Tracked message, DeliveryStatus status, Instant at)
            throws SQLException {
        ProviderError error = status.errors() == null || status.errors().isEmpty() ? null : status.errors().get(0);
        Integer code = error == null ? null : error.code();
        String title = error == null ? null : error.title();
        if (code != null && code == WINDOW_CLOSED && message.hasTemplate() && !message.asTemplate()) {
            OutboundStore.requeue(c, message.outboundId(), Instant.now(), code, title, true, Instant.now());
            metrics.counter("notification.template.fallbacks").increment();
            return;
        }
        if (DeliveryStore.reached(c, message.outboundId(), "FAILED", at)) {
            outcomes.publish(c, message.outboundId(), message.kind(), message.grievanceId(), message.citizenRef(),
                    message.language(), message.districtCode(), "FAILED", code, title, message.asTemplate(),
                    message.attempts(), at);
            if (PROGRESS.indexOf(message.state()) < PROGRESS.indexOf("DELIVERED")) {
                DeliveryStore.advance(c, message.outboundId(), "FAILED", status.providerMessageId(), code, title, at);
            }
            metrics.counter("notification.statuses", "result", "failed").increment();
        }
    }
}
