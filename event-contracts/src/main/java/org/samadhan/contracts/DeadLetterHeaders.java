package org.samadhan.contracts;

/**
 * Headers on a dead-letter record. The record value is the original payload, byte for byte; these say why it failed.
 * The names match SmallRye Reactive Messaging's dead-letter-queue strategy, so every service's DLQ reads the same.
 */
public final class DeadLetterHeaders {

    /** Human-readable reason, naming the part of the payload that failed. */
    public static final String REASON = "dead-letter-reason";
    /** Topic the payload was meant for. */
    public static final String TOPIC = "dead-letter-topic";
    /** For webhook payloads: the original X-Hub-Signature-256, so a replay through the webhook still verifies. */
    public static final String SIGNATURE = "x-hub-signature-256";

    private DeadLetterHeaders() {
    }
}
