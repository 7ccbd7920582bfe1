package org.samadhan.contracts;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * The pseudonymous citizen reference carried on integrator-facing topics instead of a phone number: a keyed hash
 * (HMAC-SHA256 with the deployment's {@code CITIZEN_REF_KEY}) of the WhatsApp id, so the services that hold the key
 * (chatbot, notification) can match a citizen, while an integrator cannot recover the number by hashing every phone
 * number, as it could with a plain hash.
 */
public final class CitizenRefs {

    /** Shortest key accepted: 16 characters. */
    public static final int MIN_KEY_LENGTH = 16;

    private CitizenRefs() {
    }

    /**
     * Refuses a key that cannot be used, with a message for whoever deploys: services call this at start-up, so that a
     * bad key stops them instead of dead-lettering every message.
     */
    public static String checkKey(String key) {
        if (key == null || key.strip().length() < MIN_KEY_LENGTH) {
            throw new IllegalArgumentException("CITIZEN_REF_KEY must be set to at least " + MIN_KEY_LENGTH
                    + " characters (it is " + (key == null ? "missing" : key.strip().length() + " characters") + ")");
        }
        return key;
    }

    /** {@code cz-} and 20 hex digits (80 bits) of HMAC-SHA256(key, citizen id). */
    public static String of(String citizenId, String key) {
        if (citizenId == null || citizenId.isBlank()) {
            throw new IllegalArgumentException("no citizen id");
        }
        checkKey(key);
        byte[] digest = Hmac.sha256(key, citizenId.getBytes(StandardCharsets.UTF_8));
        return "cz-" + HexFormat.of().formatHex(digest, 0, 10);
    }
}
