package org.samadhan.analytics.bench;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.samadhan.contracts.CloudEventHeaders;
import org.samadhan.contracts.Json;
import org.samadhan.contracts.Topics;
import org.samadhan.contracts.grievance.GrievanceEvent;

/**
 * Publishes grievance events as grievance-service's outbox relay does: keyed by grievance id, the contracts' JSON,
 * CloudEvents headers, acks=all.
 */
final class GrievanceEvents implements AutoCloseable {

    private final KafkaProducer<String, String> producer;

    GrievanceEvents(String bootstrap) {
        producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    }

    Future<RecordMetadata> send(GrievanceEvent e) {
        var headers = CloudEventHeaders.of(e.eventId(), e.eventType(), "grievance-service", e.occurredAt(),
                e.grievanceNumber(), e.districtCode());
        return producer.send(new ProducerRecord<>(Topics.GRIEVANCE_EVENTS, null, e.grievanceId(), json(e), headers));
    }

    static String json(GrievanceEvent e) {
        try {
            return Json.mapper().writeValueAsString(e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The same event as if it had happened at {@code at} (for events published as they happen). */
    static GrievanceEvent at(GrievanceEvent e, Instant at) {
        return new GrievanceEvent(e.eventId(), e.eventType(), at, e.districtCode(), e.grievanceId(),
                e.grievanceNumber(), e.version(), e.action(), e.fromStatus(), e.toStatus(), e.actor(), e.reason(),
                e.citizenRef(), e.language(), e.departmentCode(), e.block(), e.officerId(), e.level(), e.dueAt(),
                e.rating(), e.description(), e.category(), e.previousOfficerId(), e.disputed());
    }

    @Override
    public void close() {
        producer.close();
    }
}
