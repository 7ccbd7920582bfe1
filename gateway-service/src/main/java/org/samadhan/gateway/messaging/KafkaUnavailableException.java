package org.samadhan.gateway.messaging;

/** Kafka did not durably accept a webhook's events in time; the webhook must be answered 503 so WhatsApp retries. */
public class KafkaUnavailableException extends Exception {

    public KafkaUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
