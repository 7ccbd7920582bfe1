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
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Function;
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
 * Fuzzing of the running gateway over HTTP with seeded generators of our own: mutated real webhooks, random bytes,
 * deep nesting and oversized bodies. Every answer is checked against {@link WebhookProperties}; the service must stay
 * live and its heap flat. A failing case is shrunk (parts of its body cut away while it still fails) and reported.
 *
 * <p>All cases come from one {@link SplittableRandom}: {@code -Dfuzz.seed=<seed>} replays a run,
 * {@code -Dfuzz.scale=<n>} multiplies the tries.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class WebhookFuzzTest {

    /** The README's limit (gateway.max-json-depth). */
    private static final int MAX_DEPTH = 64;
    private static final long SEED = Long.getLong("fuzz.seed", 20261201L);
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
        SplittableRandom random = new SplittableRandom(SEED);
        try (var published = new PublishedRecords(Topics.WHATSAPP_INBOUND, Topics.WHATSAPP_STATUS, WebhookProperties.DLQ)) {
            // Warm-up: class loading, JIT, the producers' buffer pools, before the heap's first measure.
            run(MutatedWebhooks::next, 100, random, published, answers);
            long heapBefore = usedHeapAfterGc();

            run(MutatedWebhooks::next, 1_800 * SCALE, random, published, answers);
            run(HostileBodies::randomBytes, 500 * SCALE, random, published, answers);
            run(r -> HostileBodies.deeplyNested(r, MAX_DEPTH), 60 * SCALE, random, published, answers);
            run(HostileBodies::oversized, 30 * SCALE, random, published, answers);

            long heapAfter = usedHeapAfterGc();
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            System.out.printf("Fuzz run (seed %s): %s answers in %d s; used heap after GC %d MiB before, %d MiB after%n",
                    SEED, answers, took.toSeconds(), heapBefore >> 20, heapAfter >> 20);
            assertTrue(heapAfter - heapBefore < HEAP_TOLERANCE, "heap grew from " + (heapBefore >> 20) + " MiB to "
                    + (heapAfter >> 20) + " MiB");
            assertLive();
        }
    }

    /** Tries {@code tries} generated cases; at the first broken property, shrinks the case and fails with it. */
    private void run(Function<SplittableRandom, WebhookCase> generator, int tries, SplittableRandom random,
                     PublishedRecords published, Map<String, Integer> answers) throws Exception {
        long started = System.nanoTime();
        for (int i = 0; i < tries; i++) {
            WebhookCase generated = generator.apply(random);
            List<String> broken = attempt(generated, published, answers);
            if (!broken.isEmpty()) {
                WebhookCase smallest = shrink(generated, published);
                throw new AssertionError("Seed " + SEED + ", case " + (i + 1) + " of this kind: "
                        + attempt(smallest, published, new TreeMap<>()) + "\n for " + smallest.describe()
                        + "\n (shrunk from " + generated.describe() + ": " + broken + ")");
            }
            if (i % 100 == 99) {
                assertLive();
            }
        }
        System.out.printf("Fuzz: %d tries in %d ms%n", tries, Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    /**
     * Cuts away halves, then quarters, eighths ... of the body while the case still breaks a property (at most 30 s).
     * Deep and oversized bodies are left whole: cut, they would no longer be what their expected answer is for.
     */
    private WebhookCase shrink(WebhookCase failing, PublishedRecords published) throws Exception {
        if (expectation(failing) == Expectation.TOO_DEEP || expectation(failing) == Expectation.TOO_LARGE) {
            return failing;
        }
        WebhookCase current = failing;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        int parts = 2;
        while (parts <= current.body().length && System.nanoTime() < deadline) {
            int chunk = current.body().length / parts;
            boolean smaller = false;
            for (int from = 0; from + chunk <= current.body().length && !smaller && System.nanoTime() < deadline;
                 from += chunk) {
                WebhookCase candidate = current.without(from, from + chunk);
                if (!attempt(candidate, published, new TreeMap<>()).isEmpty()) {
                    current = candidate;
                    smaller = true;
                }
            }
            parts = smaller ? Math.max(2, parts - 1) : parts * 2; // after a cut, try coarser again; else finer
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
