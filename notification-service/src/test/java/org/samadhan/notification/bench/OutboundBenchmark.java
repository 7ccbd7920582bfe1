package org.samadhan.notification.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.samadhan.contracts.Json;
import org.samadhan.contracts.Topics;
import org.samadhan.contracts.whatsapp.OutboundMessage;
import org.samadhan.testsupport.KafkaTestClient;

/**
 * Outbound messages per second through a running notification-service, measured where WhatsApp would measure them:
 * the arrival times the sandbox records. {@code count} distinct citizens write through the sandbox, then their replies
 * are produced at once to {@code whatsapp.outbound.v1}; it waits until the sandbox has received them all, and reports
 * the achieved rate and the most sends seen in any one-second window.
 * Run by {@code bench/run.sh}.
 */
public final class OutboundBenchmark {

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[0]);
        String label = args.length > 1 ? args[1] : "run";
        String sandbox = System.getenv().getOrDefault("SANDBOX_URL", "http://127.0.0.1:8089");
        String prefix = "9193" + String.format("%02d", (int) (Math.random() * 100));
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> replies = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String citizen = prefix + String.format("%06d", i);
            var message = new OutboundMessage("bench:" + run + ":" + i, OutboundMessage.EVENT_TYPE, Instant.now(),
                    "BLD", citizen, "hi", false, null,
                    OutboundMessage.Content.text("आपकी शिकायत दर्ज हो गई है। शिकायत संख्या: BLD-2026-" + i));
            replies.put(citizen, Json.mapper().writeValueAsString(message));
        }
        HttpClient http = HttpClient.newHttpClient();
        citizensWrite(http, sandbox, replies.keySet());
        Instant start = Instant.now();
        KafkaTestClient.produce(Topics.WHATSAPP_OUTBOUND, replies); // KAFKA_BOOTSTRAP_SERVERS: the running broker
        Instant deadline = Instant.now().plus(Duration.ofMinutes(15));
        long arrived = 0;
        while (arrived < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(1_000);
            arrived = Json.mapper().readTree(get(http, sandbox + "/sandbox/sends/count?since=" + start))
                    .path("count").asLong();
        }
        List<Instant> arrivals = new ArrayList<>(); // the list once at the end: it costs the sandbox every send since
        for (JsonNode send : Json.mapper().readTree(get(http, sandbox + "/sandbox/sends?since=" + start))) {
            if (send.path("to").asText().startsWith(prefix)) {
                arrivals.add(Instant.parse(send.path("receivedAt").asText()));
            }
        }
        arrivals.sort(null);
        if (arrivals.size() < count) {
            throw new IllegalStateException(arrivals.size() + " of " + count + " arrived");
        }
        double seconds = Duration.between(arrivals.get(0), arrivals.get(arrivals.size() - 1)).toNanos() / 1e9;
        int maxInSecond = 0;
        for (int i = 0, j = 0; i < arrivals.size(); i++) {
            while (Duration.between(arrivals.get(j), arrivals.get(i)).toNanos() >= 1_000_000_000L) {
                j++;
            }
            maxInSecond = Math.max(maxInSecond, i - j + 1);
        }
        int[] perSecond = new int[(int) seconds + 1]; // arrivals in each second from the first
        for (Instant arrival : arrivals) {
            perSecond[(int) (Duration.between(arrivals.get(0), arrival).toNanos() / 1_000_000_000L)]++;
        }
        System.out.printf("[bench] %s: %,d messages arrived at the sandbox in %.2f s: %,.1f/s; most in any one "
                + "second: %d; second by second: %s%n", label, count, seconds, (count - 1) / seconds, maxInSecond,
                java.util.Arrays.toString(perSecond));
    }

    private static String get(HttpClient http, String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /**
     * Each citizen first writes through the sandbox, as a citizen does before the bot replies: their 24-hour windows
     * are open, so every reply is delivered and reported sent / delivered / read, the status traffic of production.
     * Then their webhooks are given time to pass through the gateway before anything is measured.
     */
    private static void citizensWrite(HttpClient http, String sandbox, Collection<String> citizens)
            throws InterruptedException {
        ExecutorService writers = Executors.newFixedThreadPool(8);
        for (String citizen : citizens) {
            writers.execute(() -> {
                try {
                    http.send(HttpRequest.newBuilder(URI.create(sandbox + "/sandbox/citizens/" + citizen
                                    + "/messages")).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"type\":\"text\",\"text\":{\"body\":\"शिकायत की स्थिति?\"}}"))
                            .build(), HttpResponse.BodyHandlers.discarding());
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException("The sandbox did not take a citizen's message", e);
                }
            });
        }
        writers.shutdown();
        writers.awaitTermination(10, TimeUnit.MINUTES);
        Thread.sleep(Duration.ofSeconds(Math.max(10, citizens.size() / 500)).toMillis());
    }

    private OutboundBenchmark() {
    }
}
