package org.samadhan.routing.messaging;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import org.samadhan.messaging.OutboxRelayWorker;

/** Moves committed ASSIGN commands and dead letters from the outbox to Kafka: at once after each batch, else every second. */
@Startup
@ApplicationScoped
public class OutboxRelayJob {

    private final OutboxRelayWorker worker;

    public OutboxRelayJob(AgroalDataSource dataSource, @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.worker = OutboxRelayWorker.start(dataSource, kafka, "routing-service-outbox", 500, Duration.ofSeconds(5),
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
