package org.samadhan.gateway;

import java.util.Locale;

/** How the gateway answered one webhook request. Oversize bodies are refused by the HTTP layer (413) before this. */
public enum WebhookOutcome {
    /** Every event acknowledged by Kafka: 200. */
    ACCEPTED,
    /** Acknowledged, and part or all of the payload kept on the dead-letter topic: 200. */
    DEAD_LETTERED,
    /** Missing or wrong signature: 401. */
    BAD_SIGNATURE,
    /** Signed, but not JSON: 400. */
    NOT_JSON,
    /** Signed JSON past the parser's limits (nesting depth, number or name length): 400, refused while parsing. */
    BEYOND_LIMITS,
    /** Kafka did not acknowledge in time: 503, WhatsApp redelivers. */
    UNAVAILABLE,
    /** Subscription handshake accepted: 200. */
    HANDSHAKE_OK,
    /** Subscription handshake with a wrong token or mode: 403. */
    HANDSHAKE_REFUSED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
