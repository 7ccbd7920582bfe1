package org.samadhan.grievance.messaging;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import org.samadhan.grievance.config.GrievanceConfig;
import org.samadhan.messaging.OutboxRelayWorker;

/** Moves committed events from the outbox to Kafka: at once after each consumed batch, otherwise every second. */
@Startup
@ApplicationScoped
public class OutboxRelayJob {

    private final OutboxRelayWorker worker;

    public OutboxRelayJob(AgroalDataSource dataSource, @Identifier("default-kafka-broker") Map<String, Object> kafka,
                          GrievanceConfig config) {
        this.worker = OutboxRelayWorker.start(dataSource, kafka, "grievance-service-outbox", config.outbox().batchSize(), config.outbox().ackTimeout(),
                Duration.ofSeconds(1));
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
