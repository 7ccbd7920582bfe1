package org.samadhan.chatbot.messaging;

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

/**
 * Moves committed replies, commands and dead letters from the outbox to Kafka: right after each consumed batch
 * commits (a citizen waits for the reply), and every second for whatever that missed; failed rounds retry next tick.
 */
@ApplicationScoped
public class OutboxRelayJob {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(5);

    private final KafkaProducer<String, byte[]> producer;
    private final OutboxRelay relay;

    public OutboxRelayJob(AgroalDataSource dataSource, @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.producer = DurableProducers.create(DurableProducers.config(kafka, "chatbot-service-outbox", ACK_TIMEOUT));
        this.relay = new OutboxRelay(dataSource, producer, 500, ACK_TIMEOUT);
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relay() {
        relay.drainOrRetryLater();
    }

    /** Relays what was just committed, on the caller's thread. */
    void relayNow() {
        relay.drainOrRetryLater();
    }

    @PreDestroy
    void close() {
        producer.close();
    }
}
