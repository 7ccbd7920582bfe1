package org.samadhan.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The world around a service under test, as real processes: the whatsapp-sandbox (WhatsApp's servers and the
 * citizens' phones) and the gateway-service it delivers webhooks to, which publishes into the test's Kafka broker.
 * Both run from their built jars (`./mvnw verify` builds them first; run `./mvnw package -pl gateway-service,
 * whatsapp-sandbox -am -DskipTests` before testing one module alone).
 */
public class WhatsAppWorld implements QuarkusTestResourceLifecycleManager {

    public static final String APP_SECRET = "world-app-secret";
    public static final String ACCESS_TOKEN = "world-access-token";
    public static final String PHONE_NUMBER_ID = "106540352242922";

    private static String sandboxUrl;
    private final List<Process> processes = new ArrayList<>();

    /** Base URL of the running sandbox, e.g. for {@code /sandbox/citizens/{waId}/messages}. */
    public static String sandboxUrl() {
        return sandboxUrl;
    }

    @Override
    public Map<String, String> start() {
        String kafka = KafkaTestResource.bootstrapServers();
        int gatewayPort = freePort();
        int sandboxPort = freePort();
        sandboxUrl = "http://127.0.0.1:" + sandboxPort;
        launch("gateway-service", Map.of("QUARKUS_HTTP_PORT", String.valueOf(gatewayPort),
                "KAFKA_BOOTSTRAP_SERVERS", kafka, "WHATSAPP_APP_SECRET", APP_SECRET,
                "WHATSAPP_VERIFY_TOKEN", "world-verify-token"));
        launch("whatsapp-sandbox", Map.of("QUARKUS_HTTP_PORT", String.valueOf(sandboxPort),
                "GATEWAY_WEBHOOK_URL", "http://127.0.0.1:" + gatewayPort + "/webhooks/whatsapp",
                "WHATSAPP_APP_SECRET", APP_SECRET, "WHATSAPP_ACCESS_TOKEN", ACCESS_TOKEN,
                "SANDBOX_THROUGHPUT_PER_SECOND", "1000", "SANDBOX_STATUS_DELAY", "50ms"));
        awaitReady("http://127.0.0.1:" + gatewayPort);
        awaitReady(sandboxUrl);
        return Map.of("notification.whatsapp.base-url", sandboxUrl,
                "notification.whatsapp.access-token", ACCESS_TOKEN,
                "notification.whatsapp.phone-number-id", PHONE_NUMBER_ID);
    }

    @Override
    public void stop() {
        processes.forEach(Process::destroy);
        for (Process process : processes) {
            try {
                if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void launch(String module, Map<String, String> environment) {
        Path jar = Path.of("..", module, "target", "quarkus-app", "quarkus-run.jar").toAbsolutePath().normalize();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first (./mvnw package -pl " + module
                    + " -am -DskipTests)");
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = Path.of("target", module + ".log").toAbsolutePath();
        try {
            ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m",
                    "-Djava.io.tmpdir=" + Path.of("target").toAbsolutePath(), "-jar", jar.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            processes.add(builder.start());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start " + module, e);
        }
    }

    private static void awaitReady(String base) {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            try {
                var response = http.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(base + " not ready in 60 s (see target/*.log)");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
