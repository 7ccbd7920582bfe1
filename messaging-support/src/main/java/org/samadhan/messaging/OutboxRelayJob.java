package org.samadhan.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every service's outbox relay (an {@link OutboxRelayWorker}), started with the application in the services that have
 * a database: consumers {@link #wake()} it after each committed batch a person is waiting for; otherwise it relays every
 * {@code outbox.idle}. Settings {@code outbox.batch-size} (500), {@code outbox.ack-timeout} (5 s), {@code outbox.idle}
 * (1 s), {@code outbox.max-backoff} (10 s, the longest wait between failed rounds); the Kafka client id is the
 * application's name with {@code -outbox}. Its backlog is measured by {@link OutboxGauges}.
 */
@Startup
@ApplicationScoped
@IfBuildProperty(name = "quarkus.datasource.db-kind", stringValue = "postgresql")
public class OutboxRelayJob {

    private final OutboxRelayWorker worker;
    private final OutboxGauges gauges; // held: Micrometer keeps gauges' objects only weakly

    public OutboxRelayJob(DataSource dataSource, @Identifier("default-kafka-broker") Map<String, Object> kafka,
                          MeterRegistry metrics,
                          @ConfigProperty(name = "quarkus.application.name") String application,
                          @ConfigProperty(name = "outbox.batch-size", defaultValue = "500") int batchSize,
                          @ConfigProperty(name = "outbox.ack-timeout", defaultValue = "5s") Duration ackTimeout,
                          @ConfigProperty(name = "outbox.idle", defaultValue = "1s") Duration idle,
                          @ConfigProperty(name = "outbox.max-backoff", defaultValue = "10s") Duration maxBackoff) {
        this.worker = OutboxRelayWorker.start(dataSource, kafka, application + "-outbox",
                new OutboxRelayWorker.Settings(batchSize, ackTimeout, idle, maxBackoff), metrics);
        this.gauges = OutboxGauges.register(dataSource, metrics);
    }

    /** Relays what was just committed without waiting for the next tick. */
    public void wake() {
        worker.wake();
    }

    @PreDestroy
    void close() {
        worker.close();
    }
}
