package org.samadhan.notification.messaging;

import io.agroal.api.AgroalDataSource;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.samadhan.contracts.whatsapp.DeliveryStatus;
import org.samadhan.messaging.ConsumedRecords;
import org.samadhan.messaging.TransactionalBatch;
import org.samadhan.notification.DeliveryTracking;

/** Tracks delivery from {@code whatsapp.status.v1}: sent, delivered, read, failed per message. */
@ApplicationScoped
public class StatusConsumer implements TransactionalBatch.RecordHandler {

    private final AgroalDataSource dataSource;
    private final DeliveryTracking tracking;

    public StatusConsumer(AgroalDataSource dataSource, DeliveryTracking tracking) {
        this.dataSource = dataSource;
        this.tracking = tracking;
    }

    @Incoming("statuses")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) throws InterruptedException {
        TransactionalBatch.process(dataSource, records, this);
    }

    @Override
    public void handle(Connection c, ConsumerRecord<String, String> record) throws SQLException {
        tracking.apply(c, List.of(read(record)));
    }

    /** The whole batch in a few statements (one record's worth of round trips, not one per status). */
    @Override
    public void handleAll(Connection c, List<ConsumerRecord<String, String>> records) throws SQLException {
        List<DeliveryStatus> statuses = new ArrayList<>(records.size());
        for (ConsumerRecord<String, String> record : records) {
            statuses.add(read(record));
        }
        tracking.apply(c, statuses);
    }

    private static DeliveryStatus read(ConsumerRecord<String, String> record) {
        DeliveryStatus status = ConsumedRecords.read(record, DeliveryStatus.class);
        if (status.status() == null || (status.providerMessageId() == null && status.bizOpaqueCallbackData() == null)) {
            throw new IllegalArgumentException("a status needs a status and a message id");
        }
        return status;
    }
}
