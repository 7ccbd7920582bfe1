package org.samadhan.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.samadhan.contracts.Hmac;
import org.samadhan.gateway.config.GatewayConfig;

/**
 * Checks {@code X-Hub-Signature-256}: HMAC-SHA256 of the raw body bytes with the app secret, compared in constant
 * time. Meta signs the ASCII form of the body with non-ASCII characters as {@code \\uXXXX} escapes, which is also how
 * it sends them; should a proxy have unescaped the body on the way, the escaped form is checked as a fallback.
 */
@ApplicationScoped
public class WebhookSignature {

    private static final String PREFIX = "sha256=";

    private final String appSecret;

    @Inject
    public WebhookSignature(GatewayConfig config) {
        this(config.appSecret());
    }

    public WebhookSignature(String appSecret) {
        this.appSecret = appSecret;
    }

    /** True when the header carries the HMAC of this exact body. */
    public boolean matches(byte[] body, String header) {
        if (header == null || !header.startsWith(PREFIX) || header.length() != PREFIX.length() + 64) {
            return false;
        }
        byte[] claimed;
        try {
            claimed = HexFormat.of().parseHex(header, PREFIX.length(), header.length());
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return MessageDigest.isEqual(claimed, hmac(body))
                || (hasNonAscii(body) && MessageDigest.isEqual(claimed, hmac(escapeNonAscii(body))));
    }

    private byte[] hmac(byte[] body) {
        return Hmac.sha256(appSecret, body);
    }

    private static boolean hasNonAscii(byte[] body) {
        for (byte b : body) {
            if (b < 0) {
                return true;
            }
        }
        return false;
    }

    /** Java strings are UTF-16, so each char is exactly one {@code \\uXXXX} escape, surrogate pairs included. */
    private static byte[] escapeNonAscii(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        StringBuilder escaped = new StringBuilder(text.length() + 64);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                escaped.append(c);
            } else {
                escaped.append(String.format("\\u%04x", (int) c));
            }
        }
        return escaped.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
