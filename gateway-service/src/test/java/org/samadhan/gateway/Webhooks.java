package org.samadhan.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Webhook bodies as WhatsApp sends them (test fixtures), and signatures as Meta computes them. */
public final class Webhooks {

    /** The app secret the test profile configures. */
    public static final String APP_SECRET = "test-app-secret";

    private Webhooks() {
    }

    /** The raw bytes of {@code src/test/resources/webhooks/<name>.json}. */
    public static byte[] fixture(String name) {
        try (InputStream in = Webhooks.class.getResourceAsStream("/webhooks/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("No fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code X-Hub-Signature-256} for the body, computed independently of the code under test. */
    public static String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(APP_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A text-message webhook, unescaped UTF-8, whose text is Hindi filling it up to {@code size} bytes. */
    public static byte[] devanagariText(int size) {
        String head = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":"
                + "[{\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":"
                + "\"15550783881\",\"phone_number_id\":\"106540352242922\"},\"messages\":[{\"from\":\"919876543210\","
                + "\"id\":\"wamid.HBgMOTE5ODc2NTQzMjEwFQIAEhgUM0VCMEM4QjJGMUE0RDVFNkY3QTgA\",\"timestamp\":"
                + "\"1764480000\",\"type\":\"text\",\"text\":{\"body\":\"";
        String tail = "\"}}]},\"field\":\"messages\"}]}]}";
        String sentence = "हमारे गाँव में हैंडपंप दस दिन से खराब है, पानी नहीं आ रहा। ";
        StringBuilder text = new StringBuilder(head);
        int bytes = head.length() + tail.length();
        int sentenceBytes = sentence.getBytes(StandardCharsets.UTF_8).length;
        while (bytes + sentenceBytes <= size) {
            text.append(sentence);
            bytes += sentenceBytes;
        }
        return text.append(tail).toString().getBytes(StandardCharsets.UTF_8);
    }
}
