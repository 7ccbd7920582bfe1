package org.samadhan.analytics.messaging;

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
import org.samadhan.analytics.DeliveryProjection;
import org.samadhan.analytics.ProjectionMetrics;
import org.samadhan.contracts.notification.DeliveryOutcome;
import org.samadhan.messaging.ConsumedRecords;
import org.samadhan.messaging.TransactionalBatch;

/** Projects {@code notification.deliveries.v1} for delivery health, each outcome once; bad records dead-lettered. */
@ApplicationScoped
public class DeliveryConsumer implements TransactionalBatch.RecordHandler {

    private final AgroalDataSource dataSource;
    private final DeliveryProjection projection;
    private final ProjectionMetrics metrics;

    public DeliveryConsumer(AgroalDataSource dataSource, DeliveryProjection projection, ProjectionMetrics metrics) {
        this.dataSource = dataSource;
        this.projection = projection;
        this.metrics = metrics;
    }

    @Incoming("deliveries")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) throws InterruptedException {
        TransactionalBatch.process(dataSource, records, this);
    }

    @Override
    public void handle(Connection c, ConsumerRecord<String, String> record) throws SQLException {
        handleAll(c, List.of(record));
    }

    @Override
    public void handleAll(Connection c, List<ConsumerRecord<String, String>> records) throws SQLException {
        List<DeliveryOutcome> outcomes = new ArrayList<>(records.size());
        for (ConsumerRecord<String, String> record : records) {
            outcomes.add(ConsumedRecords.read(record, DeliveryOutcome.class));
        }
        projection.project(c, outcomes).forEach(metrics::delivery);
    }
}
