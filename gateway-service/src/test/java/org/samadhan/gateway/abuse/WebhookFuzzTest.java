package org.samadhan.gateway.abuse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Shrinkable;
import net.jqwik.api.sessions.JqwikSession;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.samadhan.contracts.Topics;
import org.samadhan.gateway.abuse.WebhookProperties.Expectation;
import org.samadhan.testsupport.KafkaTestResource;

/**
 * Property-based fuzzing of the running gateway over HTTP with jqwik's generators: mutated real webhooks, random
 * bytes, deep nesting and oversized bodies. Every answer is checked against {@link WebhookProperties}; the service must
 * stay live and its heap flat. A failing case is shrunk (jqwik's shrinkables) before it is reported.
 *
 * <p>jqwik's own engine cannot start Quarkus (jqwik issue #487), so the generators run inside this JUnit test in a
 * {@link JqwikSession}; {@code -Dfuzz.seed=<seed>} replays a run, {@code -Dfuzz.scale=<n>} multiplies the tries.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class WebhookFuzzTest {

    /** The README's limit (gateway.max-json-depth). */
    private static final int MAX_DEPTH = 64;
    private static final String SEED = System.getProperty("fuzz.seed", "20261201");
    private static final int SCALE = Integer.getInteger("fuzz.scale", 1);
    /** Used heap after GC may differ by this much between two looks without anything being retained. */
    private static final long HEAP_TOLERANCE = 32L * 1024 * 1024;

    @TestHTTPResource("/webhooks/whatsapp")
    URI webhook;

    @TestHTTPResource("/q/health/live")
    URI live;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final WebhookProperties properties = new WebhookProperties(MAX_DEPTH);

    @Test
    void hostileBodiesGetOnlyDocumentedAnswersAndEveryAcceptedOneIsStoredWhileTheServiceStaysLiveAndItsHeapFlat()
            throws Exception {
        raiseDeadLetterLimitAsDeployed();
        long started = System.nanoTime();
        Map<String, Integer> answers = new TreeMap<>();
        JqwikSession.start(SEED);
        try (var published = new PublishedRecords(Topics.WHATSAPP_INBOUND, Topics.WHATSAPP_STATUS, WebhookProperties.DLQ)) {
            Random random = JqwikSession.getRandom().orElseThrow();
            // Warm-up: class loading, JIT, the producers' buffer pools, before the heap's first measure.
            run(MutatedWebhooks.cases(), 100, random, published, answers);
            long heapBefore = usedHeapAfterGc();

            run(MutatedWebhooks.cases(), 1_800 * SCALE, random, published, answers);
            run(HostileBodies.randomBytes(), 500 * SCALE, random, published, answers);
            run(HostileBodies.deeplyNested(MAX_DEPTH), 60 * SCALE, random, published, answers);
            run(HostileBodies.oversized(), 30 * SCALE, random, published, answers);

            long heapAfter = usedHeapAfterGc();
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            System.out.printf("Fuzz run (seed %s): %s answers in %d s; used heap after GC %d MiB before, %d MiB after%n",
                    SEED, answers, took.toSeconds(), heapBefore >> 20, heapAfter >> 20);
            assertTrue(heapAfter - heapBefore < HEAP_TOLERANCE, "heap grew from " + (heapBefore >> 20) + " MiB to "
                    + (heapAfter >> 20) + " MiB");
            assertLive();
        } finally {
            JqwikSession.finish();
        }
    }

    /** Tries {@code tries} generated cases; at the first broken property, shrinks the case and fails with it. */
    private void run(Arbitrary<WebhookCase> arbitrary, int tries, Random random, PublishedRecords published,
                     Map<String, Integer> answers) throws Exception {
        long started = System.nanoTime();
        var generator = arbitrary.generator(tries);
        for (int i = 0; i < tries; i++) {
            Shrinkable<WebhookCase> generated = generator.next(random);
            List<String> broken = attempt(generated.value(), published, answers);
            if (!broken.isEmpty()) {
                Shrinkable<WebhookCase> smallest = shrink(generated, published);
                throw new AssertionError("Seed " + SEED + ": " + attempt(smallest.value(), published, new TreeMap<>())
                        + "\n for " + smallest.value().describe() + "\n (shrunk from " + generated.value().describe()
                        + ": " + broken + ")");
            }
            if (i % 100 == 99) {
                assertLive();
            }
        }
        System.out.printf("Fuzz: %d tries in %d ms%n", tries, Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    /** Greedy shrinking: the first smaller candidate that still breaks a property, until none does (or 30 s pass). */
    private Shrinkable<WebhookCase> shrink(Shrinkable<WebhookCase> failing, PublishedRecords published) throws Exception {
        Shrinkable<WebhookCase> current = failing;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        boolean smaller = true;
        while (smaller && System.nanoTime() < deadline) {
            smaller = false;
            for (Shrinkable<WebhookCase> candidate : (Iterable<Shrinkable<WebhookCase>>) current.shrink().limit(50)::iterator) {
                if (System.nanoTime() > deadline) {
                    break;
                }
                if (!attempt(candidate.value(), published, new TreeMap<>()).isEmpty()) {
                    current = candidate;
                    smaller = true;
                    break;
                }
            }
        }
        return current;
    }

    private List<String> attempt(WebhookCase request, PublishedRecords published, Map<String, Integer> answers)
            throws Exception {
        published.sinceLastLook(); // anything a previous case left (none expected) is not this one's
        Optional<HttpResponse<String>> response = post(request);
        if (response.isEmpty()) {
            answers.merge("closed", 1, Integer::sum);
            return request.body().length > HostileBodies.MAX_BODY ? List.of()
                    : List.of("the connection was closed without an answer");
        }
        int status = response.get().statusCode();
        answers.merge(String.valueOf(status), 1, Integer::sum);
        return properties.check(request, expectation(request), status, response.get().body(), published.sinceLastLook());
    }

    private static Expectation expectation(WebhookCase request) {
        if (request.body().length > HostileBodies.MAX_BODY) {
            return Expectation.TOO_LARGE;
        }
        if (request.signature() == null || !request.signature().equals(org.samadhan.gateway.Webhooks.sign(request.body()))) {
            return Expectation.UNSIGNED;
        }
        return request.label().contains(" levels of ") ? Expectation.TOO_DEEP : Expectation.SIGNED;
    }

    /**
     * Empty when the server closed the connection while a body over the limit was still being sent: Vert.x answers
     * 413 as soon as the limit is passed and closes, and the client may not have read the answer by then.
     */
    private Optional<HttpResponse<String>> post(WebhookCase request) throws InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(webhook).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(request.chunked()
                        ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(request.body()))
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        if (request.signature() != null) {
            builder.header("X-Hub-Signature-256", request.signature());
        }
        try {
            return Optional.of(http.send(builder.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException closed) {
            return Optional.empty();
        }
    }

    private void assertLive() throws Exception {
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(live).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode(), health.body());
        assertTrue(health.body().contains("\"UP\""), health.body());
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        var memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    /** deploy/kafka/topics.tsv gives the dead-letter topics max.message.bytes of 2 MiB; the test broker's default is 1 MiB. */
    private static void raiseDeadLetterLimitAsDeployed() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers()))) {
            var topic = new ConfigResource(ConfigResource.Type.TOPIC, WebhookProperties.DLQ);
            Collection<AlterConfigOp> ops = List.of(new AlterConfigOp(
                    new ConfigEntry("max.message.bytes", String.valueOf(2 * 1024 * 1024)), AlterConfigOp.OpType.SET));
            admin.incrementalAlterConfigs(Map.of(topic, ops)).all().get();
        }
    }
}
