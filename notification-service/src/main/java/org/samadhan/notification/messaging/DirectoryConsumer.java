package org.samadhan.notification.messaging;

import io.agroal.api.AgroalDataSource;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.samadhan.contracts.directory.DirectoryEvent;
import org.samadhan.messaging.ConsumedRecords;
import org.samadhan.messaging.TransactionalBatch;
import org.samadhan.notification.persistence.OfficialStore;

/**
 * Keeps the officials of each district's directory ({@code routing.directory.v1}, compacted, read from the start by
 * this service's own consumer group) for their alerts: a newer version replaces them, a repeat or an older one
 * changes nothing. Unreadable records are dead-lettered with the reason.
 */
@ApplicationScoped
public class DirectoryConsumer implements TransactionalBatch.RecordHandler {

    private static final Logger LOG = Logger.getLogger(DirectoryConsumer.class);

    private final AgroalDataSource dataSource;

    public DirectoryConsumer(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Incoming("routing-directory")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) throws InterruptedException {
        TransactionalBatch.process(dataSource, records, this);
    }

    @Override
    public void handle(Connection c, ConsumerRecord<String, String> record) throws SQLException {
        DirectoryEvent event = ConsumedRecords.read(record, DirectoryEvent.class).requireComplete();
        if (OfficialStore.replace(c, event.districtCode(), event.version(), event.directory().officials(),
                Instant.now())) {
            LOG.infof("Officials of %s from directory version %d: %d", event.districtCode(), event.version(),
                    event.directory().officials().size());
        }
    }
}
