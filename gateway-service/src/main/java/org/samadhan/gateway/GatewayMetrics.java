package org.samadhan.gateway;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The gateway's Prometheus meters. Labels are bounded sets (outcome, topic, type): never a phone number or id. */
@ApplicationScoped
public class GatewayMetrics {

    private final MeterRegistry registry;
    private final Map<WebhookOutcome, Counter> requests = new EnumMap<>(WebhookOutcome.class);
    private final Map<String, Counter> published = new ConcurrentHashMap<>();
    private final Timer publishLatency;

    public GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (WebhookOutcome outcome : WebhookOutcome.values()) {
            requests.put(outcome, Counter.builder("gateway.webhook.requests")
                    .description("Webhook requests by outcome")
                    .tag("outcome", outcome.label())
                    .register(registry));
        }
        this.publishLatency = Timer.builder("gateway.publish.latency")
                .description("Time from the first send of a webhook's events until Kafka acknowledged all of them")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(5))
                .register(registry);
    }

    public void request(WebhookOutcome outcome) {
        requests.get(outcome).increment();
    }

    public void published(String topic, String type) {
        published.computeIfAbsent(topic + '|' + type, key -> Counter.builder("gateway.events.published")
                        .description("Events Kafka acknowledged, by topic and message or status type")
                        .tag("topic", topic)
                        .tag("type", type)
                        .register(registry))
                .increment();
    }

    public void publishLatency(Duration duration) {
        publishLatency.record(duration);
    }
}
