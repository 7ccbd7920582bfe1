package org.samadhan.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.samadhan.contracts.Json;

/** Reads a consumed record as its contract type; an unreadable one is refused with the reason (and dead-lettered). */
public final class ConsumedRecords {

    private ConsumedRecords() {
    }

    public static <T> T read(ConsumerRecord<String, String> record, Class<T> type) {
        if (record.value() == null) {
            throw new IllegalArgumentException("empty record");
        }
        try {
            return Json.mapper().readValue(record.value(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a " + type.getSimpleName() + ": " + e.getOriginalMessage());
        }
    }
}
