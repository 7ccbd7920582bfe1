package org.samadhan.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import static java.util.concurrent.CompletableFuture.completedFuture;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;
import org.samadhan.contracts.CitizenIds;
import org.samadhan.gateway.messaging.WebhookEventPublisher;

/** Takes in one webhook POST: verify the signature, normalise every message and status, publish, decide the answer. */
@ApplicationScoped
public class WebhookIntake {

    private static final Logger LOG = Logger.getLogger(WebhookIntake.class);

    private final WebhookSignature signature;
    private final WebhookParser parser;
    private final WebhookNormalizer normalizer;
    private final WebhookEventPublisher publisher;
    private final GatewayMetrics metrics;
    private final Clock clock = Clock.systemUTC();

    public WebhookIntake(WebhookSignature signature, WebhookParser parser, WebhookNormalizer normalizer, WebhookEventPublisher publisher,
                         GatewayMetrics metrics) {
        this.signature = signature;
        this.parser = parser;
        this.normalizer = normalizer;
        this.publisher = publisher;
        this.metrics = metrics;
    }

    /** Completes with the answer for WhatsApp once Kafka acknowledged everything (or could not). */
    public CompletionStage<WebhookOutcome> receive(byte[] body, String signatureHeader) {
        return process(body, signatureHeader).thenApply(outcome -> {
            metrics.request(outcome);
            return outcome;
        });
    }

    private CompletionStage<WebhookOutcome> process(byte[] body, String signatureHeader) {
        if (!signature.matches(body, signatureHeader)) {
            LOG.warnf("Webhook refused: %s signature (%d bytes)", signatureHeader == null ? "missing" : "wrong", body.length);
            return completedFuture(WebhookOutcome.BAD_SIGNATURE);
        }
        JsonNode json;
        try {
            json = parser.read(body);
        } catch (WebhookParser.BeyondLimits beyond) {
            LOG.warnf("Signed webhook refused beyond the parser's limits (%d bytes): %s", body.length, beyond.getMessage());
            return completedFuture(WebhookOutcome.BEYOND_LIMITS);
        } catch (IOException notJson) {
            LOG.warnf("Signed webhook is not JSON (%d bytes)", body.length);
            return completedFuture(WebhookOutcome.NOT_JSON);
        }
        NormalizedWebhook webhook = normalizer.normalize(json, Instant.now(clock));
        return publisher.publish(webhook, body, signatureHeader).handle((problems, failure) -> {
            if (failure != null) {
                LOG.errorf("Webhook with %d events answered 503 for redelivery: %s", webhook.eventCount(),
                        (failure instanceof CompletionException ? failure.getCause() : failure).getMessage());
                return WebhookOutcome.UNAVAILABLE;
            }
            if (LOG.isDebugEnabled()) {
                // By event id (ce_id on Kafka), never by WhatsApp message id: those carry the phone number.
                webhook.messages().forEach(m -> LOG.debugf("Inbound %s event %s from %s", m.type().wireName(),
                        m.eventId(), CitizenIds.mask(m.citizenId())));
                webhook.statuses().forEach(s -> LOG.debugf("Status %s event %s", s.status(), s.eventId()));
            }
            if (!problems.isEmpty()) {
                LOG.warnf("Webhook partly dead-lettered (%d events normalised): %s", webhook.eventCount(),
                        String.join("; ", problems));
                return WebhookOutcome.DEAD_LETTERED;
            }
            return WebhookOutcome.ACCEPTED;
        });
    }
}
