package org.samadhan.sandbox;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.samadhan.contracts.Hmac;
import org.samadhan.contracts.Json;
import org.samadhan.sandbox.config.SandboxConfig;

/**
 * Delivers webhooks to the gateway as WhatsApp does: the real envelope, non-ASCII characters escaped as
 * {@code \\uXXXX}, signed with the app secret over those exact bytes, and redelivered with exponential backoff until
 * answered 200.
 */
@ApplicationScoped
public class WebhookDelivery {

    private static final Logger LOG = Logger.getLogger(WebhookDelivery.class);
    private static final int MAX_ATTEMPTS = 10;
    private static final ObjectWriter ESCAPING = Json.mapper().writer()
            .with(JsonGenerator.Feature.ESCAPE_NON_ASCII);

    private final SandboxConfig config;
    /** WhatsApp keeps a bounded number of webhook requests open per app; unbounded, they would storm the gateway. */
    private static final int IN_FLIGHT = 64;

    // An explicit executor: on a 2-core machine the JDK's default gives every async step a new thread.
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(4)).connectTimeout(Duration.ofSeconds(2)).build();
    private final java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(IN_FLIGHT);

    public WebhookDelivery(SandboxConfig config) {
        this.config = config;
    }

    /** A citizen's message, with the contact block WhatsApp adds. */
    public void message(String citizen, String profileName, JsonNode message) {
        ObjectNode value = value();
        ArrayNode contacts = value.putArray("contacts");
        ObjectNode contact = contacts.addObject();
        contact.putObject("profile").put("name", profileName);
        contact.put("wa_id", citizen);
        value.putArray("messages").add(message);
        deliver(envelope(value), 1);
    }

    /** One or more statuses in one webhook, as WhatsApp batches them. */
    public void statuses(List<JsonNode> statuses) {
        ObjectNode value = value();
        statuses.forEach(value.putArray("statuses")::add);
        deliver(envelope(value), 1);
    }

    public void later(Runnable task, Duration delay) {
        scheduler.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private ObjectNode value() {
        ObjectNode value = Json.mapper().createObjectNode();
        value.put("messaging_product", "whatsapp");
        value.putObject("metadata").put("display_phone_number", config.displayPhoneNumber())
                .put("phone_number_id", config.phoneNumberId());
        return value;
    }

    private byte[] envelope(ObjectNode value) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("object", "whatsapp_business_account");
        ObjectNode entry = root.putArray("entry").addObject();
        entry.put("id", config.businessAccountId());
        ObjectNode change = entry.putArray("changes").addObject();
        change.set("value", value);
        change.put("field", "messages");
        try {
            return ESCAPING.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree always serialises", e);
        }
    }

    private void deliver(byte[] body, int attempt) {
        if (!inFlight.tryAcquire()) {
            later(() -> deliver(body, attempt), Duration.ofMillis(20)); // queued, as WhatsApp queues webhooks
            return;
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.webhookUrl()))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", Hmac.webhookSignature(config.appSecret(), body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            inFlight.release();
            if (failure == null && response.statusCode() == 200) {
                return;
            }
            String why = failure != null ? failure.toString() : "HTTP " + response.statusCode();
            if (attempt >= MAX_ATTEMPTS) {
                LOG.warnf("Webhook given up after %d attempts (%s)", attempt, why);
                return;
            }
            Duration backoff = Duration.ofMillis(Math.min(30_000, 250L << Math.min(attempt, 10)));
            LOG.infof("Webhook attempt %d failed (%s); redelivering in %s", attempt, why, backoff);
            later(() -> deliver(body, attempt + 1), backoff);
        });
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }
}
