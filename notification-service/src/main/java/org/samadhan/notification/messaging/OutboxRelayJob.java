package org.samadhan.notification.messaging;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.samadhan.messaging.DurableProducers;
import org.samadhan.messaging.OutboxRelay;

/** Moves committed delivery outcomes and dead letters from the outbox to Kafka; failed rounds retry next tick. */
@ApplicationScoped
public class OutboxRelayJob {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(5);

    private final KafkaProducer<String, byte[]> producer;
    private final OutboxRelay relay;

    public OutboxRelayJob(AgroalDataSource dataSource, @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.producer = DurableProducers.create(
                DurableProducers.config(kafka, "notification-service-outbox", ACK_TIMEOUT));
        this.relay = new OutboxRelay(dataSource, producer, 500, ACK_TIMEOUT);
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relay() {
        relay.drainOrRetryLater();
    }

    @PreDestroy
    void close() {
        producer.close();
    }
}
