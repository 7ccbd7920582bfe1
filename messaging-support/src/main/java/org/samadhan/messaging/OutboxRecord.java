package org.samadhan.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.samadhan.contracts.CloudEventHeaders;
import org.samadhan.contracts.DeadLetterHeaders;
import org.samadhan.contracts.Json;
import org.samadhan.contracts.Topics;

/**
 * One Kafka record waiting in the outbox: topic, key and value as bytes (so a dead letter keeps a consumed record's
 * exactly), and text headers.
 */
public record OutboxRecord(String topic, byte[] key, byte[] payload, Map<String, String> headers) {

    /** An event with its CloudEvents headers, serialised with the contracts' JSON mapping. */
    public static OutboxRecord event(String topic, String key, String eventId, String type, String source,
                                     Instant time, String subject, String district, Object event) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : CloudEventHeaders.of(eventId, type, source, time, subject, district)) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        try {
            return new OutboxRecord(topic, utf8(key), Json.mapper().writeValueAsBytes(event), headers);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("Event does not serialise: " + event.getClass(), e);
        }
    }

    /**
     * A message that cannot be processed, bound for its topic's dead-letter topic byte for byte with the reason:
     * written in the caller's transaction, so a consumer's offset never moves past a record that was not handled.
     */
    public static OutboxRecord deadLetter(String sourceTopic, String key, byte[] payload, String reason) {
        return deadLetter(sourceTopic, utf8(key), payload, Map.of(), reason);
    }

    /**
     * A dead letter that keeps the original record: key and value bytes as they were, its CloudEvents headers
     * ({@code ce_*}, the event's id, type and subject, by which operators find and replay it) and the reason.
     */
    public static OutboxRecord deadLetter(String sourceTopic, byte[] key, byte[] payload,
                                          Map<String, String> cloudEvents, String reason) {
        Map<String, String> headers = new LinkedHashMap<>(cloudEvents);
        headers.put(DeadLetterHeaders.REASON, reason);
        headers.put(DeadLetterHeaders.TOPIC, sourceTopic);
        return new OutboxRecord(Topics.deadLetter(sourceTopic), key, payload == null ? new byte[0] : payload,
                headers);
    }

    /**
     * The {@code ce_*} headers of a consumed record, as text (CloudEvents attributes are strings); a NUL, which the
     * outbox's JSON column cannot hold, becomes U+FFFD.
     */
    public static Map<String, String> cloudEvents(Headers headers) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (Header header : headers) {
            if (header.key().startsWith("ce_") && header.value() != null) {
                attributes.put(header.key(), new String(header.value(), StandardCharsets.UTF_8)
                        .replace('\u0000', '\uFFFD'));
            }
        }
        return attributes;
    }

    private static byte[] utf8(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }
}
