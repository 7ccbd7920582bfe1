package org.samadhan.analytics.messaging;

import io.agroal.api.AgroalDataSource;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.samadhan.messaging.DirectoryCopy;
import org.samadhan.messaging.TransactionalBatch;

/** Keeps this service's copy of each district's directory ({@code routing.directory.v1}, compacted). */
@ApplicationScoped
public class DirectoryConsumer {

    private final AgroalDataSource dataSource;
    private final DirectoryCopy directory;

    public DirectoryConsumer(AgroalDataSource dataSource, DirectoryCopy directory) {
        this.dataSource = dataSource;
        this.directory = directory;
    }

    @Incoming("routing-directory")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) throws InterruptedException {
        TransactionalBatch.process(dataSource, records, directory);
    }
}
