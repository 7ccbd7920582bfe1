package org.samadhan.gateway;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private final WebhookSignature signature = new WebhookSignature(Webhooks.APP_SECRET);
    private final byte[] hindi = Webhooks.fixture("text-hindi-emoji");

    @Test
    void acceptsMetasSignatureOfEscapedHindiAndEmojiBody() {
        // Known answer, computed with: openssl dgst -sha256 -hmac test-app-secret text-hindi-emoji.json
        String metaSignature = "sha256=cca5dddab15997715589e947ff4b07386db4f25003f2f182d1805c84a7352c19";
        assertTrue(new String(hindi, StandardCharsets.US_ASCII).contains("\\u0928\\u092e\\u0938\\u094d\\u0924\\u0947"),
                "fixture arrives \\u-escaped, as WhatsApp sends it");
        assertTrue(signature.matches(hindi, metaSignature));
        assertTrue(signature.matches(hindi, metaSignature.toUpperCase().replace("SHA256=", "sha256=")),
                "hex case does not matter");
    }

    @Test
    void acceptsBodyUnescapedOnTheWayWhenMetaSignedItsEscapedForm() {
        String unescaped = new String(hindi, StandardCharsets.US_ASCII)
                .replace("\\u0928\\u092e\\u0938\\u094d\\u0924\\u0947", "नमस्ते")
                .replace("\\ud83d\\ude4f", "🙏");
        byte[] unescapedBytes = unescaped.getBytes(StandardCharsets.UTF_8);
        assertTrue(signature.matches(unescapedBytes, Webhooks.sign(hindi)));
    }

    @Test
    void refusesAnyChangeToTheBody() {
        byte[] tampered = new String(hindi, StandardCharsets.US_ASCII).replace("919876543210", "919876543211")
                .getBytes(StandardCharsets.US_ASCII);
        assertFalse(signature.matches(tampered, Webhooks.sign(hindi)));
    }

    @Test
    void refusesMissingMalformedOrForeignSignatures() {
        String good = Webhooks.sign(hindi);
        assertFalse(signature.matches(hindi, null));
        assertFalse(signature.matches(hindi, ""));
        assertFalse(signature.matches(hindi, good.substring("sha256=".length())), "prefix is required");
        assertFalse(signature.matches(hindi, "sha1=" + good.substring("sha256=".length())));
        assertFalse(signature.matches(hindi, good.substring(0, good.length() - 2)), "truncated");
        assertFalse(signature.matches(hindi, good.substring(0, good.length() - 2) + "zz"), "not hex");
        assertFalse(new WebhookSignature("another-app-secret").matches(hindi, good));
    }
}
