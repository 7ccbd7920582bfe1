package org.samadhan.contracts;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256, as WhatsApp signs webhooks and as citizen references are keyed. */
public final class Hmac {

    private Hmac() {
    }

    public static byte[] sha256(String key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** {@code X-Hub-Signature-256} for a webhook body: {@code sha256=} and the hex HMAC of the exact bytes. */
    public static String webhookSignature(String appSecret, byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(sha256(appSecret, body));
    }
}
