package org.samadhan.grievance.messaging;

import io.agroal.api.AgroalDataSource;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.samadhan.contracts.directory.DirectoryEvent;
import org.samadhan.grievance.DirectoryCopy;
import org.samadhan.messaging.ConsumedRecords;
import org.samadhan.messaging.TransactionalBatch;

/**
 * Keeps this service's copy of each district's directory ({@code routing.directory.v1}, compacted): a newer version
 * replaces the stored one, a repeat or an older one changes nothing. Unreadable records are dead-lettered.
 */
@ApplicationScoped
public class DirectoryConsumer implements TransactionalBatch.RecordHandler {

    private static final Logger LOG = Logger.getLogger(DirectoryConsumer.class);

    private final AgroalDataSource dataSource;
    private final DirectoryCopy directory;

    public DirectoryConsumer(AgroalDataSource dataSource, DirectoryCopy directory) {
        this.dataSource = dataSource;
        this.directory = directory;
    }

    @Incoming("routing-directory")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) throws InterruptedException {
        TransactionalBatch.process(dataSource, records, this);
    }

    @Override
    public void handle(Connection c, ConsumerRecord<String, String> record) throws SQLException {
        DirectoryEvent event = ConsumedRecords.read(record, DirectoryEvent.class).requireComplete();
        if (directory.store(c, event)) {
            LOG.infof("Directory of %s version %d received", event.districtCode(), event.version());
        }
    }
}
