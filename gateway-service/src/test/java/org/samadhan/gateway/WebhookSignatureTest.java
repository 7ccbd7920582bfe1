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
    void escapedFormCoversEveryLengthOfUtf8AsMetaEscapesIt() {
        // Two-, three- and four-byte characters, as Meta's escaped form writes them (lowercase hex, surrogate pairs).
        String escaped = "{\"text\":{\"body\":\"Saarbr\\u00fccken \\u0939\\u0948\\u0902\\u0921\\u092a\\u0902\\u092a "
                + "\\ud83d\\udc4d\\ud83c\\udffb\"}}";
        String unescaped = "{\"text\":{\"body\":\"Saarbrücken हैंडपंप 👍🏻\"}}";
        String metaSignature = Webhooks.sign(escaped.getBytes(StandardCharsets.US_ASCII));
        assertTrue(signature.matches(unescaped.getBytes(StandardCharsets.UTF_8), metaSignature));
        assertFalse(signature.matches(unescaped.replace("ü", "u").getBytes(StandardCharsets.UTF_8), metaSignature));
    }

    @Test
    void refusingALargeHindiBodyCostsAFewTimesAcceptingItNotAFormatPerCharacter() {
        // A forged 1 MiB body of Devanagari: the refusal also tries the escaped form. It used to format each
        // character (about 200 times the cost of accepting the body); now it is a couple of passes over the bytes.
        byte[] body = Webhooks.devanagariText(1024 * 1024);
        String signed = Webhooks.sign(body);
        String forged = "sha256=" + "ab".repeat(32);
        long accept = Long.MAX_VALUE;
        long refuse = Long.MAX_VALUE;
        for (int round = 0; round < 15; round++) {
            long started = System.nanoTime();
            assertTrue(signature.matches(body, signed));
            accept = Math.min(accept, System.nanoTime() - started);
            started = System.nanoTime();
            assertFalse(signature.matches(body, forged));
            refuse = Math.min(refuse, System.nanoTime() - started);
        }
        double ratio = (double) refuse / accept;
        assertTrue(ratio < 30, String.format("refusal %.1f ms is %.0f times acceptance %.1f ms", refuse / 1e6, ratio,
                accept / 1e6));
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
