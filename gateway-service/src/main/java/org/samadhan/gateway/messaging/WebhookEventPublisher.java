package org.samadhan.gateway.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jboss.logging.Logger;
import org.samadhan.contracts.CloudEventHeaders;
import org.samadhan.contracts.DeadLetterHeaders;
import org.samadhan.contracts.Json;
import org.samadhan.contracts.Topics;
import org.samadhan.contracts.whatsapp.DeliveryStatus;
import org.samadhan.contracts.whatsapp.InboundMessage;
import org.samadhan.messaging.DurableProducers;
import org.samadhan.gateway.GatewayMetrics;
import org.samadhan.gateway.NormalizedWebhook;
import org.samadhan.gateway.config.GatewayConfig;

/**
 * Writes one webhook's events to Kafka and returns only when the broker acknowledged every one of them (acks=all,
 * idempotent producer). The gateway answers 200 only after this returns, so nothing WhatsApp considers delivered is
 * lost. A plain producer, rather than a reactive channel, keeps the deadline and the failure explicit.
 */
@Startup
@ApplicationScoped
public class WebhookEventPublisher {

    private static final Logger LOG = Logger.getLogger(WebhookEventPublisher.class);

    private static final String DEAD_LETTER_TOPIC = Topics.deadLetter(Topics.WHATSAPP_INBOUND);
    /**
     * Largest event (key and value) sent: under the producer's and broker's 1 MiB record limit with room for headers.
     * WhatsApp's messages are a few KB; a bigger event (a signed body with a huge field) would be refused by Kafka on
     * every redelivery, so its body is dead-lettered instead.
     */
    public static final int MAX_EVENT_BYTES = 900 * 1024;

    private final KafkaProducer<String, byte[]> producer;
    private final KafkaProducer<String, byte[]> deadLetterProducer;
    private final ObjectMapper mapper = Json.mapper();
    private final GatewayConfig config;
    private final GatewayMetrics metrics;

    public WebhookEventPublisher(@Identifier("default-kafka-broker") Map<String, Object> kafka, GatewayConfig config,
                                 GatewayMetrics metrics) {
        this.config = config;
        this.metrics = metrics;
        Map<String, Object> props = DurableProducers.config(kafka, "gateway-service", config.publishTimeout());
        this.producer = DurableProducers.create(props);
        // Dead letters keep bodies of up to 1 MiB, beyond Kafka's default record limit: compressed, JSON fits it, and
        // the DLQ topics are created with max.message.bytes of 2 MiB for the rest (deploy/kafka/topics.tsv). Events
        // stay uncompressed: they are small, and per-batch compression costs more CPU than it saves at low latency.
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 * 1024 * 1024);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, props.get(ProducerConfig.CLIENT_ID_CONFIG) + "-dlq");
        this.deadLetterProducer = DurableProducers.create(props);
        warmUpMetadata(producer, Topics.WHATSAPP_INBOUND);
        warmUpMetadata(producer, Topics.WHATSAPP_STATUS);
        warmUpMetadata(deadLetterProducer, DEAD_LETTER_TOPIC);
    }

    /**
     * Webhooks are published from the HTTP event loop, where {@code send()} must not block. It blocks only while the
     * topic's metadata is unknown, so fetch it now (and {@link DurableProducers} never lets it idle out). Should
     * Kafka be unreachable and the metadata lost, a send blocks its event loop for at most max.block.ms (1 s) and the
     * webhook gets 503; readiness, which includes Kafka, takes the instance out of rotation meanwhile.
     */
    private static void warmUpMetadata(KafkaProducer<String, byte[]> producer, String topic) {
        try {
            producer.partitionsFor(topic);
        } catch (KafkaException e) {
            LOG.warnf("Kafka metadata for %s not available at start-up: %s", topic, e.getMessage());
        }
    }

    /**
     * Sends the webhook's messages, statuses and, when it had problems (or an event over {@link #MAX_EVENT_BYTES}),
     * the raw body to the dead-letter topic. Returns at once; the result completes with every problem when Kafka
     * acknowledged every record, or fails with {@link KafkaUnavailableException} when it did not within the timeout.
     */
    public CompletableFuture<List<String>> publish(NormalizedWebhook webhook, byte[] rawBody, String signature) {
        long started = System.nanoTime();
        List<CompletableFuture<Void>> acks = new ArrayList<>(webhook.eventCount() + 1);
        List<String> problems = new ArrayList<>(webhook.problems());
        List<String[]> sent = new ArrayList<>(webhook.eventCount());
        try {
            for (InboundMessage message : webhook.messages()) {
                send(Topics.WHATSAPP_INBOUND, message.type().wireName(), message.citizenId(), message.eventId(),
                        message.eventType(), message.occurredAt(), message.messageId(), message.districtCode(), message,
                        acks, problems, sent);
            }
            for (DeliveryStatus status : webhook.statuses()) {
                send(Topics.WHATSAPP_STATUS, status.status(), status.citizenId(), status.eventId(), status.eventType(),
                        status.occurredAt(), status.providerMessageId(), status.districtCode(), status,
                        acks, problems, sent);
            }
            if (!problems.isEmpty()) {
                acks.add(sendDeadLetter(rawBody, signature, String.join("; ", problems)));
            }
        } catch (KafkaException e) {
            // send() itself failed: metadata unavailable within max.block.ms, or the producer buffer is full
            return CompletableFuture.failedFuture(new KafkaUnavailableException("Kafka is unreachable: " + e.getMessage(), e));
        }
        long remaining = config.publishTimeout().toNanos() - (System.nanoTime() - started);
        return CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                .orTimeout(Math.max(0, remaining), TimeUnit.NANOSECONDS)
                .handle((done, failure) -> {
                    if (failure != null) {
                        Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                        throw new CompletionException(cause instanceof TimeoutException
                                ? new KafkaUnavailableException("Kafka did not acknowledge within " + config.publishTimeout(), cause)
                                : new KafkaUnavailableException("Kafka refused an event: " + cause.getMessage(), cause));
                    }
                    metrics.publishLatency(Duration.ofNanos(System.nanoTime() - started));
                    sent.forEach(topicAndType -> metrics.published(topicAndType[0], topicAndType[1]));
                    if (!problems.isEmpty()) {
                        metrics.published(DEAD_LETTER_TOPIC, "dead_letter");
                    }
                    return problems;
                });
    }

    private void send(String topic, String label, String key, String eventId, String type, Instant time,
                      String subject, String district, Object event, List<CompletableFuture<Void>> acks,
                      List<String> problems, List<String[]> sent) {
        byte[] value = json(event);
        int size = value.length + key.getBytes(StandardCharsets.UTF_8).length;
        if (size > MAX_EVENT_BYTES) {
            // Named by event id, never by message id (it carries the phone number).
            problems.add("event " + eventId + ": " + size + " bytes, over the " + MAX_EVENT_BYTES + " an event may have");
            return;
        }
        var headers = CloudEventHeaders.of(eventId, type, config.eventSource(), time, subject, district);
        acks.add(send(producer, new ProducerRecord<>(topic, null, key, value, headers)));
        sent.add(new String[] {topic, label});
    }

    private CompletableFuture<Void> sendDeadLetter(byte[] rawBody, String signature, String reason) {
        var headers = new RecordHeaders();
        headers.add(DeadLetterHeaders.REASON, reason.getBytes(StandardCharsets.UTF_8));
        headers.add(DeadLetterHeaders.TOPIC, Topics.WHATSAPP_INBOUND.getBytes(StandardCharsets.UTF_8));
        headers.add(DeadLetterHeaders.SIGNATURE, signature.getBytes(StandardCharsets.UTF_8));
        return send(deadLetterProducer, new ProducerRecord<String, byte[]>(DEAD_LETTER_TOPIC, null, null, rawBody, headers));
    }

    private CompletableFuture<Void> send(KafkaProducer<String, byte[]> producer, ProducerRecord<String, byte[]> record) {
        var ack = new CompletableFuture<Void>();
        producer.send(record, (metadata, failure) -> {
            if (failure == null) {
                ack.complete(null);
            } else {
                ack.completeExceptionally(failure);
            }
        });
        return ack;
    }

    private byte[] json(Object event) {
        try {
            return mapper.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event records always serialise", e);
        }
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
        deadLetterProducer.close(Duration.ofSeconds(5));
    }
}
