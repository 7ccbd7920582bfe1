package org.samadhan.sandbox;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
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
 * answered 200. Statuses falling due together share a webhook (up to {@code statuses-per-webhook}), as WhatsApp
 * batches them under load.
 */
@ApplicationScoped
public class WebhookDelivery {

    private static final Logger LOG = Logger.getLogger(WebhookDelivery.class);
    private static final int MAX_ATTEMPTS = 10;
    private static final ObjectWriter ESCAPING = Json.mapper().writer()
            .with(JsonGenerator.Feature.ESCAPE_NON_ASCII);

    /** WhatsApp keeps a bounded number of webhook requests open per app; the rest wait their turn. */
    private static final int CONNECTIONS = 64;

    private final SandboxConfig config;
    // An explicit scheduler: on a 2-core machine the JDK's default gives every async step a new thread.
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    // Vert.x's client on Quarkus's event loop: the JDK's HttpClient topped out near 400 requests/s on 2 cores.
    private final HttpClient http;
    private final RequestOptions target;
    private final Queue<JsonNode> dueStatuses = new ConcurrentLinkedQueue<>();

    public WebhookDelivery(Vertx vertx, SandboxConfig config) {
        this.config = config;
        URI url = URI.create(config.webhookUrl());
        boolean tls = "https".equals(url.getScheme());
        this.http = vertx.createHttpClient(new HttpClientOptions().setSsl(tls).setKeepAlive(true)
                .setTcpNoDelay(true).setConnectTimeout(2_000), new PoolOptions().setHttp1MaxSize(CONNECTIONS));
        this.target = new RequestOptions().setMethod(HttpMethod.POST).setHost(url.getHost())
                .setPort(url.getPort() > 0 ? url.getPort() : tls ? 443 : 80).setSsl(tls)
                .setURI(url.getRawPath()).setIdleTimeout(10_000);
        long gather = config.statusGather().toMillis();
        scheduler.scheduleWithFixedDelay(this::deliverDueStatuses, gather, gather, TimeUnit.MILLISECONDS);
    }

    /** A citizen's message, with the contact block WhatsApp adds; {@code delivered} runs once the gateway took it. */
    public void message(String citizen, String profileName, JsonNode message, Runnable delivered) {
        ObjectNode value = value();
        ArrayNode contacts = value.putArray("contacts");
        ObjectNode contact = contacts.addObject();
        contact.putObject("profile").put("name", profileName);
        contact.put("wa_id", citizen);
        value.putArray("messages").add(message);
        deliver(envelope(value), 1, delivered);
    }

    /** Statuses now due, in this order; they go with the next webhook of statuses. */
    public void statuses(List<JsonNode> statuses) {
        dueStatuses.addAll(statuses);
    }

    private void deliverDueStatuses() {
        try {
            List<JsonNode> batch = new ArrayList<>();
            for (JsonNode status = dueStatuses.poll(); status != null; status = dueStatuses.poll()) {
                batch.add(status);
                if (batch.size() == config.statusesPerWebhook()) {
                    deliverStatuses(batch);
                    batch = new ArrayList<>();
                }
            }
            if (!batch.isEmpty()) {
                deliverStatuses(batch);
            }
        } catch (RuntimeException e) { // a periodic task that throws is never run again
            LOG.errorf(e, "Could not deliver status webhooks");
        }
    }

    private void deliverStatuses(List<JsonNode> statuses) {
        ObjectNode value = value();
        statuses.forEach(value.putArray("statuses")::add);
        deliver(envelope(value), 1, () -> { });
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

    private void deliver(byte[] body, int attempt, Runnable delivered) {
        http.request(new RequestOptions(target))
                .compose(request -> request.putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                        .putHeader("X-Hub-Signature-256", Hmac.webhookSignature(config.appSecret(), body))
                        .send(Buffer.buffer(body))
                        .compose(response -> response.body().map(drained -> response.statusCode())))
                .onComplete(answer -> {
                    if (answer.succeeded() && answer.result() == 200) {
                        delivered.run();
                        return;
                    }
                    String why = answer.failed() ? answer.cause().toString() : "HTTP " + answer.result();
                    if (attempt >= MAX_ATTEMPTS) {
                        LOG.warnf("Webhook given up after %d attempts (%s)", attempt, why);
                        return;
                    }
                    Duration backoff = Duration.ofMillis(Math.min(30_000, 250L << Math.min(attempt, 10)));
                    LOG.infof("Webhook attempt %d failed (%s); redelivering in %s", attempt, why, backoff);
                    later(() -> deliver(body, attempt + 1, delivered), backoff);
                });
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }
}
