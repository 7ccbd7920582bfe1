package org.samadhan.notification.messaging;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.samadhan.contracts.CitizenRefs;
import org.samadhan.contracts.Json;
import org.samadhan.contracts.whatsapp.OutboundMessage;
import org.samadhan.messaging.ConsumedRecords;
import org.samadhan.messaging.TransactionalBatch;
import org.samadhan.notification.OutboundChecks;
import org.samadhan.notification.config.NotificationConfig;
import org.samadhan.notification.persistence.CitizenStore;
import org.samadhan.notification.persistence.OutboundStore;

/**
 * Queues conversation replies from {@code whatsapp.outbound.v1}, once per outbound id: a redelivered event is not
 * queued again. A message beyond WhatsApp's limits is dead-lettered with the reason instead.
 */
@ApplicationScoped
public class OutboundConsumer implements TransactionalBatch.RecordHandler {

    private final AgroalDataSource dataSource;
    private final String refKey;

    public OutboundConsumer(AgroalDataSource dataSource, NotificationConfig config) {
        this.dataSource = dataSource;
        this.refKey = config.citizenRefKey();
    }

    @Incoming("outbound")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) throws InterruptedException {
        TransactionalBatch.process(dataSource, records, this);
    }

    @Override
    public void handle(Connection c, ConsumerRecord<String, String> record) throws SQLException {
        handleAll(c, List.of(record));
    }

    /** The whole batch in two statements: the citizens, then their messages in the order they were consumed. */
    @Override
    public void handleAll(Connection c, List<ConsumerRecord<String, String>> records) throws SQLException {
        Map<String, String> citizens = new HashMap<>();
        List<OutboundStore.NewMessage> queued = new ArrayList<>(records.size());
        for (ConsumerRecord<String, String> record : records) {
            OutboundMessage message = ConsumedRecords.read(record, OutboundMessage.class);
            List<String> problems = OutboundChecks.problems(message);
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException(String.join("; ", problems));
            }
            String citizenRef = citizens.computeIfAbsent(message.citizenWaId(), waId -> CitizenRefs.of(waId, refKey));
            ObjectNode stored = Json.mapper().createObjectNode();
            stored.set("content", Json.mapper().valueToTree(message.content()));
            if (message.replyTo() != null) {
                stored.put("replyTo", message.replyTo());
            }
            queued.add(new OutboundStore.NewMessage(message.outboundId(), message.citizenWaId(), citizenRef,
                    message.districtCode(), "reply", null, "en".equals(message.language()) ? "en" : "hi",
                    message.proactive(), stored, null));
        }
        CitizenStore.rememberAll(c, citizens);
        OutboundStore.enqueueAll(c, queued, Instant.now());
    }
}
