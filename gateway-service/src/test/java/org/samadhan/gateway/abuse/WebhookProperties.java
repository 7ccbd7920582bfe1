package org.samadhan.gateway.abuse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.samadhan.contracts.DeadLetterHeaders;
import org.samadhan.contracts.Topics;
import org.samadhan.testsupport.ContractAssertions;

/**
 * What must hold for every request, however hostile, stated apart from the gateway's code: the answers WhatsApp can
 * get (README's table), no internals in them, and for a 200 every message and status stored or the body dead-lettered.
 */
final class WebhookProperties {

    static final String DLQ = Topics.deadLetter(Topics.WHATSAPP_INBOUND);
    /** The README's answers. 503 is one only when Kafka does not acknowledge, and the broker is up in this test. */
    private static final Set<Integer> ANSWERS = Set.of(200, 400, 401, 413);
    /** What a stack trace or an internal class name in an answer would contain. */
    private static final Pattern INTERNALS = Pattern.compile(
            "Exception|Error:|\\tat |\\bat [a-z]+\\.|org\\.samadhan|java\\.|jakarta\\.|io\\.quarkus|io\\.vertx|"
                    + "com\\.fasterxml|org\\.jboss|<html", Pattern.CASE_INSENSITIVE);
    private static final ObjectMapper LENIENT = new ObjectMapper();

    private final int maxDepth;

    WebhookProperties(int maxDepth) {
        this.maxDepth = maxDepth;
    }

    /** The broken properties (none when the answer is right), for a case answered {@code status} and {@code body}. */
    List<String> check(WebhookCase request, Expectation expected, int status, String answer,
                       List<ConsumerRecord<String, byte[]>> published) {
        List<String> broken = new ArrayList<>();
        if (!ANSWERS.contains(status)) {
            broken.add("answered " + status + ", not one of " + ANSWERS);
        }
        if (INTERNALS.matcher(answer).find()) {
            broken.add("the answer shows internals: " + answer.substring(0, Math.min(answer.length(), 300)));
        }
        switch (expected) {
            case TOO_LARGE -> expect(broken, status == 413, "a body over 1 MiB answered " + status + ", not 413");
            case UNSIGNED -> expect(broken, status == 401, "an unsigned or wrongly signed body answered " + status);
            case TOO_DEEP -> expect(broken, status == 400 && answer.contains("nested deeper than " + maxDepth),
                    "a body nested deeper than " + maxDepth + " levels answered " + status + " " + answer);
            case SIGNED -> expect(broken, status == 200 || status == 400, "a signed body answered " + status);
        }
        if (status != 200) {
            expect(broken, published.isEmpty(), "answered " + status + " but published " + published.size() + " records");
            return broken;
        }
        List<ConsumerRecord<String, byte[]>> deadLetters = published.stream().filter(r -> r.topic().equals(DLQ)).toList();
        List<ConsumerRecord<String, byte[]>> events = published.stream().filter(r -> !r.topic().equals(DLQ)).toList();
        expect(broken, !published.isEmpty(), "answered 200 but published nothing and dead-lettered nothing");
        expect(broken, deadLetters.size() <= 1, "dead-lettered " + deadLetters.size() + " times");
        for (var dead : deadLetters) {
            expect(broken, Arrays.equals(dead.value(), request.body()), "the dead letter is not the body byte for byte");
            String reason = header(dead, DeadLetterHeaders.REASON);
            expect(broken, reason != null && !reason.isBlank(), "a dead letter without a reason");
            expect(broken, request.signature().equals(header(dead, DeadLetterHeaders.SIGNATURE)),
                    "a dead letter without the signature to replay it");
        }
        for (var event : events) {
            try {
                ContractAssertions.assertHonoursContract(new ConsumerRecord<>(event.topic(), event.partition(),
                        event.offset(), event.timestamp(), event.timestampType(), event.serializedKeySize(),
                        event.serializedValueSize(), event.key(), new String(event.value(), StandardCharsets.UTF_8),
                        event.headers(), event.leaderEpoch()));
            } catch (AssertionError broke) {
                broken.add("an event breaks its contract: " + broke.getMessage());
            }
        }
        int sent = messagesAndStatuses(request.body());
        if (deadLetters.isEmpty()) {
            expect(broken, events.size() == sent, "accepted without a dead letter, but " + events.size()
                    + " events published for " + sent + " messages and statuses");
        } else {
            expect(broken, events.size() <= sent, events.size() + " events published for " + sent + " messages and statuses");
        }
        return broken;
    }

    /** How a request ought to be refused or not, from its size, signature and depth alone. */
    enum Expectation { TOO_LARGE, UNSIGNED, TOO_DEEP, SIGNED }

    /** The messages and statuses WhatsApp's format puts in a body: entry[].changes[] with field "messages". */
    static int messagesAndStatuses(byte[] body) {
        JsonNode json;
        try {
            json = LENIENT.readTree(body);
        } catch (Exception notJson) {
            return 0;
        }
        int count = 0;
        for (JsonNode entry : json == null ? LENIENT.createArrayNode() : json.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                if ("messages".equals(change.path("field").asText())) {
                    for (String part : List.of("messages", "statuses")) {
                        JsonNode items = change.path("value").path(part);
                        count += items.isArray() ? items.size() : 0;
                    }
                }
            }
        }
        return count;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void expect(List<String> broken, boolean holds, String otherwise) {
        if (!holds) {
            broken.add(otherwise);
        }
    }
}
