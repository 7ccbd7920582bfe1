package org.samadhan.gateway.abuse;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.samadhan.gateway.Webhooks;

/** Bodies no WhatsApp server sends: random bytes (signed, unsigned, wrongly signed), deep nesting, oversized. */
public final class HostileBodies {

    /** The gateway's body limit (quarkus.http.limits.max-body-size). */
    public static final int MAX_BODY = 1024 * 1024;

    private HostileBodies() {
    }

    enum Signing { SIGNED, UNSIGNED, WRONG }

    /** Random bytes, from none to 64 KiB (mostly short), some of them starting like JSON. */
    public static WebhookCase randomBytes(SplittableRandom random) {
        String start = Draw.of(random, "", "{", "[", "{\"entry\":", "\"",
                "{\"object\":\"whatsapp_business_account\",\"entry\":[");
        byte[] head = start.getBytes(StandardCharsets.US_ASCII);
        byte[] tail = new byte[Draw.biased(random, 0, 65_536)];
        random.nextBytes(tail);
        byte[] body = Arrays.copyOf(head, head.length + tail.length);
        System.arraycopy(tail, 0, body, head.length, tail.length);
        return new WebhookCase("random bytes after '" + start + "'", body, sign(body, Draw.of(random, Signing.values())),
                false);
    }

    /**
     * Arrays or objects nested from just past the gateway's limit up to 500,000 levels (1 MiB of brackets), closed or
     * cut off, as bare containers or inside a real-looking webhook; signed, so that they reach the parser.
     */
    public static WebhookCase deeplyNested(SplittableRandom random, int limit) {
        int depth = random.nextBoolean() ? Draw.of(random, limit + 1, 100_000, MAX_BODY)
                : Draw.between(random, limit + 1, MAX_BODY);
        String open = Draw.of(random, "[", "{\"a\":");
        boolean closed = random.nextBoolean();
        boolean inWebhook = random.nextBoolean();
        int levels = Math.min(depth, (MAX_BODY - 200) / (open.length() + 1));
        String close = open.equals("[") ? "]" : "}";
        StringBuilder json = new StringBuilder(levels * (open.length() + 1) + 200);
        json.append(inWebhook ? "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"changes\":[{\"value\":" : "");
        json.append(open.repeat(levels)).append("1");
        if (closed) {
            json.append(close.repeat(levels)).append(inWebhook ? ",\"field\":\"messages\"}]}]}" : "");
        }
        byte[] body = json.toString().getBytes(StandardCharsets.US_ASCII);
        return new WebhookCase(levels + " levels of " + open + (closed ? ", closed" : ", cut off")
                + (inWebhook ? ", inside a webhook" : ""), body, Webhooks.sign(body), false);
    }

    /** Bodies from one byte over the limit to three times it, with a Content-Length or chunked (none given). */
    public static WebhookCase oversized(SplittableRandom random) {
        int size = Draw.between(random, MAX_BODY + 1, 3 * MAX_BODY);
        boolean chunked = random.nextBoolean();
        byte[] text = Webhooks.devanagariText(size);
        byte[] body = Arrays.copyOf(text, Math.max(text.length, MAX_BODY + 1));
        Arrays.fill(body, text.length, body.length, (byte) ' '); // JSON allows trailing spaces
        return new WebhookCase("oversized Hindi text", body, sign(body, Draw.of(random, Signing.values())), chunked);
    }

    static String sign(byte[] body, Signing signing) {
        return switch (signing) {
            case SIGNED -> Webhooks.sign(body);
            case UNSIGNED -> null;
            case WRONG -> Webhooks.sign(Arrays.copyOf(body, body.length + 1));
        };
    }
}
