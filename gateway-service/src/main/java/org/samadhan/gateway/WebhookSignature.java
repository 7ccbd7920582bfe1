package org.samadhan.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.samadhan.gateway.config.GatewayConfig;

/**
 * Checks {@code X-Hub-Signature-256}: HMAC-SHA256 of the raw body bytes with the app secret, compared in constant
 * time. Meta signs the ASCII form of the body with non-ASCII characters as {@code \\uXXXX} escapes, which is also how
 * it sends them; should a proxy have unescaped the body on the way, the escaped form is checked as a fallback.
 */
@ApplicationScoped
public class WebhookSignature {

    private static final String PREFIX = "sha256=";
    private static final HexFormat HEX = HexFormat.of();

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
            claimed = HEX.parseHex(header, PREFIX.length(), header.length());
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return MessageDigest.isEqual(claimed, hmac(body))
                || (hasNonAscii(body) && MessageDigest.isEqual(claimed, hmacOfEscaped(body)));
    }

    private byte[] hmac(byte[] body) {
        return newMac().doFinal(body);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static boolean hasNonAscii(byte[] body) {
        for (byte b : body) {
            if (b < 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * HMAC of the body as Meta signs it: each UTF-16 unit of a non-ASCII character as {@code \\uXXXX} in lowercase
     * hex (so a character beyond the BMP is two escapes, its surrogates). The UTF-8 is decoded and escaped byte by
     * byte into a small buffer fed to the MAC: a wrongly signed body costs two passes over its bytes and no
     * allocation per character, which matters because this runs on the event loop. Malformed UTF-8 (never sent by
     * Meta) becomes U+FFFD per bad byte; such a body is then refused, as it should be.
     */
    private byte[] hmacOfEscaped(byte[] body) {
        Mac mac = newMac();
        byte[] buffer = new byte[8192];
        int at = 0;
        int i = 0;
        while (i < body.length) {
            if (at > buffer.length - 12) { // room for two escapes
                mac.update(buffer, 0, at);
                at = 0;
            }
            int b = body[i];
            if (b >= 0) {
                buffer[at++] = (byte) b;
                i++;
                continue;
            }
            int length = (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 0;
            int codePoint = length == 2 ? b & 0x1F : length == 3 ? b & 0x0F : b & 0x07;
            boolean valid = length > 0 && i + length <= body.length;
            for (int k = 1; valid && k < length; k++) {
                int next = body[i + k];
                valid = (next & 0xC0) == 0x80;
                codePoint = (codePoint << 6) | (next & 0x3F);
            }
            if (!valid) {
                codePoint = 0xFFFD;
                length = 1;
            }
            if (codePoint >= 0x10000) {
                at = escape(buffer, at, Character.highSurrogate(codePoint));
                at = escape(buffer, at, Character.lowSurrogate(codePoint));
            } else {
                at = escape(buffer, at, (char) codePoint);
            }
            i += length;
        }
        mac.update(buffer, 0, at);
        return mac.doFinal();
    }

    private static int escape(byte[] buffer, int at, char c) {
        buffer[at] = '\\';
        buffer[at + 1] = 'u';
        buffer[at + 2] = (byte) HEX.toHighHexDigit(c >> 8);
        buffer[at + 3] = (byte) HEX.toLowHexDigit(c >> 8);
        buffer[at + 4] = (byte) HEX.toHighHexDigit(c);
        buffer[at + 5] = (byte) HEX.toLowHexDigit(c);
        return at + 6;
    }
}
