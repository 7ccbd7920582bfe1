package org.samadhan.analytics.messaging;

import io.agroal.api.AgroalDataSource;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.samadhan.analytics.GrievanceProjection;
import org.samadhan.analytics.ProjectionMetrics;
import org.samadhan.contracts.grievance.GrievanceEvent;
import org.samadhan.messaging.ConsumedRecords;
import org.samadhan.messaging.TransactionalBatch;

/**
 * Projects {@code grievance.events.v1} in batches, one transaction and a few statements per batch; an unreadable or
 * incomplete event is dead-lettered with the reason (messaging-support's TransactionalBatch). Offsets are committed
 * after the transaction, so a crash replays events the projection then recognises.
 */
@ApplicationScoped
public class GrievanceEventConsumer implements TransactionalBatch.RecordHandler {

    private final AgroalDataSource dataSource;
    private final GrievanceProjection projection;
    private final ProjectionMetrics metrics;

    public GrievanceEventConsumer(AgroalDataSource dataSource, GrievanceProjection projection,
                                  ProjectionMetrics metrics) {
        this.dataSource = dataSource;
        this.projection = projection;
        this.metrics = metrics;
    }

    @Incoming("grievance-events")
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
        List<GrievanceEvent> events = new ArrayList<>(records.size());
        for (ConsumerRecord<String, String> record : records) {
            events.add(ConsumedRecords.read(record, GrievanceEvent.class));
        }
        Instant now = Instant.now();
        for (GrievanceProjection.Projected p : projection.project(c, events)) {
            metrics.grievanceEvent(p, now);
        }
    }
}
