package org.samadhan.chatbot.messaging;

import io.agroal.api.AgroalDataSource;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.samadhan.chatbot.persistence.CitizenGrievances;
import org.samadhan.contracts.grievance.GrievanceEvent;
import org.samadhan.messaging.ConsumedRecords;
import org.samadhan.messaging.TransactionalBatch;

/**
 * Keeps the local projection of citizens' grievances current from {@code grievance.events.v1} (number, status,
 * department, expected date), so "status" is answered without calling grievance-service. Telling the citizen about
 * each event is notification-service's job, not this one's.
 */
@ApplicationScoped
public class GrievanceEventConsumer implements TransactionalBatch.RecordHandler {

    private final AgroalDataSource dataSource;

    public GrievanceEventConsumer(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Incoming("grievance-events")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) throws InterruptedException {
        TransactionalBatch.process(dataSource, records, this);
    }

    @Override
    public void handle(Connection c, ConsumerRecord<String, String> record) throws SQLException {
        GrievanceEvent event = ConsumedRecords.read(record, GrievanceEvent.class);
        if (event.grievanceId() == null || event.citizenRef() == null || event.toStatus() == null) {
            throw new IllegalArgumentException("grievance event without grievanceId, citizenRef or toStatus");
        }
        new CitizenGrievances(c).apply(event);
    }
}
