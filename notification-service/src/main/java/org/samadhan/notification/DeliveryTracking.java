package org.samadhan.notification;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.samadhan.contracts.whatsapp.DeliveryStatus;
import org.samadhan.contracts.whatsapp.ProviderError;
import org.samadhan.messaging.OutboxRecord;
import org.samadhan.messaging.OutboxWriter;
import org.samadhan.notification.persistence.DeliveryStore;
import org.samadhan.notification.persistence.DeliveryStore.Tracked;
import org.samadhan.notification.persistence.OutboundStore;

/**
 * Applies WhatsApp's statuses to our messages, a consumed batch at a time in a handful of statements. Statuses repeat,
 * arrive out of order and skip states: each state is recorded (and its outcome published) once, a later state implies
 * the earlier ones (read means delivered and sent), and the current state only moves forward along
 * sent, failed, delivered, read, so the end state does not depend on the order statuses came in: failed overrides
 * sent but not delivered. A status for a message still SENDING or queued again settles it: that send reached WhatsApp,
 * so it is not sent again. A 131047 failure (the 24-hour window had closed) sends the message again as its template.
 */
@ApplicationScoped
public class DeliveryTracking {

    private static final List<String> PROGRESS = List.of("SENDING", "ACCEPTED", "SENT", "FAILED", "DELIVERED", "READ");
    private static final List<String> DELIVERY = List.of("SENT", "DELIVERED", "READ");
    private static final int WINDOW_CLOSED = 131047;

    private final DeliveryOutcomes outcomes;
    private final MeterRegistry metrics;

    public DeliveryTracking(DeliveryOutcomes outcomes, MeterRegistry metrics) {
        this.outcomes = outcomes;
        this.metrics = metrics;
    }

    /** A state one status says its message reached, with WhatsApp's error when it failed. */
    private record Step(Tracked message, String state, Instant at, Integer errorCode, String errorTitle) {
        String key() {
            return message.outboundId() + "/" + state;
        }
    }

    public void apply(Connection c, List<DeliveryStatus> statuses) throws SQLException {
        Set<String> wamids = new HashSet<>();
        Set<String> outboundIds = new HashSet<>();
        for (DeliveryStatus status : statuses) {
            wamids.add(Objects.requireNonNullElse(status.providerMessageId(), ""));
            outboundIds.add(Objects.requireNonNullElse(status.bizOpaqueCallbackData(), ""));
        }
        Map<String, Tracked> byWamid = new HashMap<>();
        Map<String, Tracked> byOutboundId = new HashMap<>();
        for (Tracked message : DeliveryStore.lock(c, wamids, outboundIds)) {
            if (message.wamid() != null) {
                byWamid.put(message.wamid(), message);
            }
            byOutboundId.put(message.outboundId(), message);
        }
        List<Step> steps = new ArrayList<>();
        Map<String, DeliveryStore.Advance> advances = new LinkedHashMap<>();
        Set<String> resent = new HashSet<>();
        for (DeliveryStatus status : statuses) {
            Tracked message = byWamid.getOrDefault(status.providerMessageId(),
                    byOutboundId.get(status.bizOpaqueCallbackData()));
            if (message == null || resent.contains(message.outboundId())) {
                count("not-ours");
                continue;
            }
            Instant at = status.occurredAt() == null ? Instant.now() : status.occurredAt();
            String state = "played".equals(status.status()) ? "READ" : status.status().toUpperCase(Locale.ROOT);
            Integer code = null;
            String title = null;
            if ("FAILED".equals(state)) {
                ProviderError error = status.errors() == null || status.errors().isEmpty() ? null
                        : status.errors().get(0);
                code = error == null ? null : error.code();
                title = error == null ? null : error.title();
                if (code != null && code == WINDOW_CLOSED && message.hasTemplate() && !message.asTemplate()
                        && OutboundStore.resendAsTemplate(c, message.outboundId(), code, title, Instant.now())) {
                    resent.add(message.outboundId()); // what follows in this batch is about the send it replaces
                    advances.remove(message.outboundId());
                    metrics.counter("notification.template.fallbacks").increment();
                    continue;
                }
                steps.add(new Step(message, state, at, code, title));
            } else if (DELIVERY.contains(state)) {
                for (String implied : DELIVERY.subList(0, DELIVERY.indexOf(state) + 1)) {
                    steps.add(new Step(message, implied, at, null, null));
                }
            } else {
                count("unknown-state");
                continue;
            }
            DeliveryStore.Advance current = advances.get(message.outboundId());
            String now = current == null ? message.state() : current.state();
            if (PROGRESS.indexOf(state) > PROGRESS.indexOf(now)) {
                advances.put(message.outboundId(), new DeliveryStore.Advance(message.outboundId(), message.state(),
                        state, status.providerMessageId(), code, title, at));
            }
            count(state.toLowerCase(Locale.ROOT));
        }
        Map<String, DeliveryStore.Reached> reached = new LinkedHashMap<>(); // the first time each is reported
        for (Step step : steps) {
            reached.putIfAbsent(step.key(), new DeliveryStore.Reached(step.message().outboundId(), step.state(),
                    step.at()));
        }
        Set<String> firstTime = DeliveryStore.reached(c, List.copyOf(reached.values()));
        List<OutboxRecord> published = new ArrayList<>();
        for (Step step : steps) {
            if (firstTime.remove(step.key())) {
                Tracked m = step.message();
                published.add(outcomes.outcome(m.outboundId(), m.kind(), m.grievanceId(), m.citizenRef(),
                        m.language(), m.districtCode(), step.state(), step.errorCode(), step.errorTitle(),
                        m.asTemplate(), m.attempts(), step.at()));
            }
        }
        OutboxWriter.appendAll(c, published);
        DeliveryStore.advance(c, List.copyOf(advances.values()));
    }

    private void count(String result) {
        metrics.counter("notification.statuses", "result", result).increment();
    }
}
