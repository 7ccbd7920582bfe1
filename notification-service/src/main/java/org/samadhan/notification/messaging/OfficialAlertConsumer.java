package org.samadhan.notification.messaging;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.samadhan.contracts.Json;
import org.samadhan.contracts.grievance.GrievanceEvent;
import org.samadhan.messaging.ConsumedRecords;
import org.samadhan.messaging.TransactionalBatch;
import org.samadhan.notification.OfficialAlerts;
import org.samadhan.notification.OfficialMessages;
import org.samadhan.notification.config.NotificationConfig;
import org.samadhan.notification.persistence.AlertStore;
import org.samadhan.notification.persistence.OfficialStore;

/**
 * Alerts officials on WhatsApp to what happened to the grievances they hold or held ({@code grievance.events.v1},
 * read by this service's own consumer group, apart from the citizens' news): each alert to the official's number
 * from the directory, as its approved template in the official's language, once per grievance, version, official and
 * kind. An official the directory does not name, or names without a number, is skipped and counted
 * ({@code notification_alerts_skipped_total}), not retried; events older than {@code news-max-age} alert no one.
 * Until the district's directory has been received, the batch waits for it.
 */
@ApplicationScoped
public class OfficialAlertConsumer implements TransactionalBatch.RecordHandler {

    /** The directory's form of a WhatsApp number: digits with the country code. */
    private static final Pattern NUMBER = Pattern.compile("[1-9]\\d{7,14}");

    private final AgroalDataSource dataSource;
    private final OfficialMessages messages;
    private final NotificationConfig config;
    private final MeterRegistry metrics;

    public OfficialAlertConsumer(AgroalDataSource dataSource, OfficialMessages messages, NotificationConfig config,
                                 MeterRegistry metrics) {
        this.dataSource = dataSource;
        this.messages = messages;
        this.config = config;
        this.metrics = metrics;
    }

    @Incoming("official-alerts")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) throws InterruptedException {
        TransactionalBatch.process(dataSource, records, this);
    }

    @Override
    public void handle(Connection c, ConsumerRecord<String, String> record) throws SQLException {
        GrievanceEvent event = ConsumedRecords.read(record, GrievanceEvent.class);
        List<OfficialAlerts.Alert> alerts = OfficialAlerts.of(event);
        if (alerts.isEmpty()) {
            return;
        }
        if (event.grievanceId() == null || event.districtCode() == null) {
            throw new IllegalArgumentException("grievance event without grievanceId or districtCode");
        }
        UUID grievanceId = UUID.fromString(event.grievanceId());
        if (event.occurredAt() != null && event.occurredAt().isBefore(Instant.now().minus(config.newsMaxAge()))) {
            skipped("stale", alerts.size());
            return;
        }
        Set<String> ids = new HashSet<>();
        alerts.forEach(alert -> ids.add(alert.officialId()));
        if (event.officerId() != null) {
            ids.add(event.officerId()); // who holds it now, named in some alerts
        }
        Map<String, OfficialStore.Contact> contacts = OfficialStore.contacts(c, event.districtCode(), ids);
        OfficialStore.Contact holder = event.officerId() == null ? null : contacts.get(event.officerId());
        List<AlertStore.NewAlert> queued = new ArrayList<>();
        Map<String, String> skipReasons = new HashMap<>();
        for (OfficialAlerts.Alert alert : alerts) {
            OfficialStore.Contact contact = contacts.get(alert.officialId());
            String skip = contact == null ? "unknown-official"
                    : contact.whatsapp() == null || !NUMBER.matcher(contact.whatsapp()).matches() ? "no-number" : null;
            String language = contact == null ? "hi" : contact.language();
            String outboundId = alert.outboundId(event);
            ObjectNode message = Json.mapper().createObjectNode()
                    .put("alert", alert.kind().id()).put("officialId", alert.officialId());
            queued.add(new AlertStore.NewAlert(outboundId, alert.officialId(), skip == null ? contact.whatsapp() : null,
                    event.districtCode(), "official-" + alert.kind().id(), grievanceId, language, message,
                    messages.template(alert, event, language, holder == null ? null : holder.role()),
                    skip == null ? null : "official " + skip));
            if (skip != null) {
                skipReasons.put(outboundId, skip);
            }
        }
        for (String outboundId : AlertStore.enqueueAll(c, queued, Instant.now())) {
            String reason = skipReasons.get(outboundId);
            if (reason != null) {
                skipped(reason, 1);
            }
        }
    }

    private void skipped(String reason, int alerts) {
        metrics.counter("notification.alerts.skipped", "reason", reason).increment(alerts);
    }
}
