package org.samadhan.grievance.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.agroal.api.AgroalDataSource;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.samadhan.contracts.Json;
import org.samadhan.contracts.directory.DirectoryEvent;
import org.samadhan.grievance.DirectoryCopy;
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
        DirectoryEvent event = parse(record.value());
        if (directory.store(c, event)) {
            LOG.infof("Directory of %s version %d received", event.districtCode(), event.version());
        }
    }

    private static DirectoryEvent parse(String json) {
        if (json == null) {
            throw new IllegalArgumentException("empty record");
        }
        try {
            DirectoryEvent event = Json.mapper().readValue(json, DirectoryEvent.class);
            if (event.districtCode() == null || event.version() < 1 || event.directory() == null
                    || event.directory().departments() == null || event.directory().escalatedServiceLevel() == null) {
                throw new IllegalArgumentException("directory event lacks districtCode, version or its directory");
            }
            return event;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a directory event: " + e.getOriginalMessage());
        }
    }
}
