package org.samadhan.grievance.messaging;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.samadhan.grievance.config.GrievanceConfig;
import org.samadhan.messaging.DurableProducers;
import org.samadhan.messaging.OutboxRelay;

/** Moves committed events from the outbox to Kafka, continuously; failed rounds are retried on the next tick. */
@ApplicationScoped
public class OutboxRelayJob {

    private final KafkaProducer<String, byte[]> producer;
    private final OutboxRelay relay;

    public OutboxRelayJob(AgroalDataSource dataSource, @Identifier("default-kafka-broker") Map<String, Object> kafka,
                          GrievanceConfig config) {
        this.producer = DurableProducers.create(
                DurableProducers.config(kafka, "grievance-service-outbox", config.outbox().ackTimeout()));
        this.relay = new OutboxRelay(dataSource, producer, config.outbox().batchSize(), config.outbox().ackTimeout());
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
