package org.samadhan.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.samadhan.contracts.CloudEventHeaders;
import org.samadhan.contracts.DeadLetterHeaders;
import org.samadhan.contracts.Json;
import org.samadhan.contracts.Topics;

/** One Kafka record waiting in the outbox: topic, key, JSON value and headers. */
public record OutboxRecord(String topic, String key, byte[] payload, Map<String, String> headers) {

    /** An event with its CloudEvents headers, serialised with the contracts' JSON mapping. */
    public static OutboxRecord event(String topic, String key, String eventId, String type, String source,
                                     Instant time, String subject, String district, Object event) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : CloudEventHeaders.of(eventId, type, source, time, subject, district)) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        try {
            return new OutboxRecord(topic, key, Json.mapper().writeValueAsBytes(event), headers);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("Event does not serialise: " + event.getClass(), e);
        }
    }

    /**
     * A consumed record that cannot be processed, bound for its topic's dead-letter topic byte for byte with the
     * reason: written in the consumer's transaction, so the offset never moves past a record that was not handled.
     */
    public static OutboxRecord deadLetter(String sourceTopic, String key, byte[] payload, String reason) {
        return new OutboxRecord(Topics.deadLetter(sourceTopic), key, payload,
                Map.of(DeadLetterHeaders.REASON, reason, DeadLetterHeaders.TOPIC, sourceTopic));
    }
}
