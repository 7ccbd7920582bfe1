package org.samadhan.messaging;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A consumed record both as its handler reads it (text) and as it came (bytes, for its dead letter). A record
 * consumed as bytes that are not UTF-8 cannot be read as text: {@code unreadable} says which part, and it goes to the
 * dead-letter topic as it came, without reaching the handler.
 */
record BatchRecord(ConsumerRecord<String, String> text, byte[] key, byte[] value, String unreadable) {

    @SuppressWarnings("unchecked")
    static BatchRecord of(ConsumerRecord<?, ?> record) {
        Object key = record.key();
        Object value = record.value();
        if (isText(key) && isText(value)) {
            return new BatchRecord((ConsumerRecord<String, String>) record, utf8((String) key), utf8((String) value),
                    null);
        }
        byte[] keyBytes = bytes(key, "key");
        byte[] valueBytes = bytes(value, "value");
        String keyText = decode(keyBytes);
        String valueText = decode(valueBytes);
        String unreadable = keyBytes != null && keyText == null ? "key is not UTF-8 text"
                : valueBytes != null && valueText == null ? "value is not UTF-8 text" : null;
        return new BatchRecord(new ConsumerRecord<>(record.topic(), record.partition(), record.offset(),
                record.timestamp(), record.timestampType(), record.serializedKeySize(), record.serializedValueSize(),
                keyText, valueText, record.headers(), record.leaderEpoch()), keyBytes, valueBytes, unreadable);
    }

    private static boolean isText(Object part) {
        return part == null || part instanceof String;
    }

    private static byte[] bytes(Object part, String which) {
        if (part == null || part instanceof byte[]) {
            return (byte[]) part;
        }
        if (part instanceof String text) {
            return utf8(text);
        }
        throw new IllegalArgumentException("TransactionalBatch takes records of String or byte[], not a "
                + which + " of " + part.getClass().getName());
    }

    private static byte[] utf8(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    /** Strict UTF-8: null when the bytes are not UTF-8 text (a lenient decoder would replace them silently). */
    private static String decode(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
