package org.samadhan.gateway.abuse;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import org.samadhan.gateway.Webhooks;

/** Bodies no WhatsApp server sends: random bytes (signed, unsigned, wrongly signed), deep nesting, oversized. */
public final class HostileBodies {

    /** The gateway's body limit (quarkus.http.limits.max-body-size). */
    public static final int MAX_BODY = 1024 * 1024;

    private HostileBodies() {
    }

    enum Signing { SIGNED, UNSIGNED, WRONG }

    /** Random bytes, from none to 64 KiB, some of them starting like JSON. */
    public static Arbitrary<WebhookCase> randomBytes() {
        Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(65_536);
        Arbitrary<String> prefix = Arbitraries.of("", "{", "[", "{\"entry\":", "\"", "{\"object\":\"whatsapp_business_account\",\"entry\":[");
        return Combinators.combine(prefix, bytes, Arbitraries.of(Signing.class)).as((start, random, signing) -> {
            byte[] head = start.getBytes(StandardCharsets.US_ASCII);
            byte[] body = Arrays.copyOf(head, head.length + random.length);
            System.arraycopy(random, 0, body, head.length, random.length);
            return new WebhookCase("random bytes after '" + start + "'", body, sign(body, signing), false);
        });
    }

    /**
     * Arrays or objects nested from just past the gateway's limit up to 500,000 levels (1 MiB of brackets), closed or
     * cut off, as bare containers or inside a real-looking webhook; signed, so that they reach the parser.
     */
    public static Arbitrary<WebhookCase> deeplyNested(int limit) {
        Arbitrary<Integer> depths = Arbitraries.oneOf(Arbitraries.of(limit + 1, 100_000, MAX_BODY),
                Arbitraries.integers().between(limit + 1, MAX_BODY).withDistribution(RandomDistribution.uniform()));
        return Combinators.combine(depths,
                Arbitraries.of("[", "{\"a\":"), Arbitraries.of(true, false), Arbitraries.of(true, false))
                .as((depth, open, closed, inWebhook) -> {
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
                });
    }

    /** Bodies from one byte over the limit to three times it, with a Content-Length or chunked (none given). */
    public static Arbitrary<WebhookCase> oversized() {
        return Combinators.combine(Arbitraries.integers().between(MAX_BODY + 1, 3 * MAX_BODY), Arbitraries.of(true, false),
                Arbitraries.of(Signing.class)).as((size, chunked, signing) -> {
                    byte[] text = Webhooks.devanagariText(size);
                    byte[] body = Arrays.copyOf(text, Math.max(text.length, MAX_BODY + 1));
                    Arrays.fill(body, text.length, body.length, (byte) ' '); // JSON allows trailing spaces
                    return new WebhookCase("oversized Hindi text", body, sign(body, signing), chunked);
                });
    }

    private static String sign(byte[] body, Signing signing) {
        return switch (signing) {
            case SIGNED -> Webhooks.sign(body);
            case UNSIGNED -> null;
            case WRONG -> Webhooks.sign(Arrays.copyOf(body, body.length + 1));
        };
    }
}
