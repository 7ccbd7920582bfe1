package org.samadhan.notification.messaging;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.samadhan.contracts.Json;
import org.samadhan.contracts.grievance.GrievanceEvent;
import org.samadhan.messaging.ConsumedRecords;
import org.samadhan.messaging.TransactionalBatch;
import org.samadhan.notification.CitizenMessages;
import org.samadhan.notification.config.NotificationConfig;
import org.samadhan.notification.persistence.CitizenStore;
import org.samadhan.notification.persistence.OutboundStore;

/**
 * Tells citizens what happened to their grievance ({@code grievance.events.v1}): one message per event worth telling,
 * with the outbound id {@code grievance:<id>:<version>}, so a redelivered event is not told twice. The citizen is
 * found by their reference among the citizens who wrote to us; news for a reference not seen yet (our copy of the
 * citizen's first message is still on its way) waits for it rather than being lost or guessed.
 */
@ApplicationScoped
public class GrievanceEventConsumer implements TransactionalBatch.RecordHandler {

    private final AgroalDataSource dataSource;
    private final CitizenMessages messages;
    private final NotificationConfig config;
    private final MeterRegistry metrics;

    public GrievanceEventConsumer(AgroalDataSource dataSource, CitizenMessages messages, NotificationConfig config,
                                  MeterRegistry metrics) {
        this.dataSource = dataSource;
        this.messages = messages;
        this.config = config;
        this.metrics = metrics;
    }

    @Incoming("grievance-events")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) throws InterruptedException {
        TransactionalBatch.process(dataSource, records, this);
    }

    @Override
    public void handle(Connection c, ConsumerRecord<String, String> record) throws SQLException {
        GrievanceEvent event = ConsumedRecords.read(record, GrievanceEvent.class);
        var composed = messages.compose(event);
        if (composed.isEmpty()) {
            return; // internal steps: notes, reminders, reassignment
        }
        if (event.citizenRef() == null) {
            throw new IllegalArgumentException("grievance event without citizenRef");
        }
        if (event.occurredAt() != null && event.occurredAt().isBefore(Instant.now().minus(config.newsMaxAge()))) {
            metrics.counter("notification.skipped", "reason", "stale").increment();
            return;
        }
        String waId = CitizenStore.waIdOf(c, event.citizenRef()); // null: waits for the citizen's message
        ObjectNode stored = Json.mapper().createObjectNode();
        stored.set("content", Json.mapper().valueToTree(composed.get().content()));
        OutboundStore.enqueueAll(c, List.of(new OutboundStore.NewMessage(
                "grievance:" + event.grievanceId() + ":" + event.version(), waId, event.citizenRef(),
                event.districtCode(), composed.get().kind(), UUID.fromString(event.grievanceId()),
                "en".equals(event.language()) ? "en" : "hi", composed.get().proactive(), stored,
                composed.get().template())), Instant.now());
    }
}
