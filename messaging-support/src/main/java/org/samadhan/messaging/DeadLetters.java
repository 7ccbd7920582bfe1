package org.samadhan.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.Producer;
import org.jboss.logging.Logger;
import org.samadhan.contracts.DeadLetterHeaders;
import org.samadhan.contracts.Topics;

/**
 * Dead-letters the outbox records Kafka refused for good, so the records behind them go on: each goes to its topic's
 * {@code .dlq} with its key, value and headers and the reason. When the dead-letter topic refuses the value too (it
 * is larger than that topic allows), a dead letter without the value says so and the row is parked in the outbox,
 * the value kept there for an operator. Counted as {@code outbox.dead.letters} by topic, failure and where the value
 * is ({@code value=dead-letter} or {@code value=outbox}).
 */
final class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    /** An outbox row and why Kafka refused it. */
    record Refusal(long id, KafkaSends.Message message, Throwable failure) {
    }

    /**
     * Rows to delete (their dead letter holds everything), rows to park with the reason, and how many got no answer
     * from Kafka (they stay, and {@code failure} says why).
     */
    record Result(List<Long> delivered, Map<Long, String> parked, int unanswered, Throwable failure) {
    }

    private final Producer<byte[], byte[]> producer;
    private final Duration ackTimeout;
    private final MeterRegistry metrics;

    DeadLetters(Producer<byte[], byte[]> producer, Duration ackTimeout, MeterRegistry metrics) {
        this.producer = producer;
        this.ackTimeout = ackTimeout;
        this.metrics = metrics;
    }

    Result deadLetter(List<Refusal> refusals) {
        List<Long> delivered = new ArrayList<>();
        Map<Long, String> parked = new LinkedHashMap<>();
        List<Refusal> sendable = new ArrayList<>();
        List<KafkaSends.Message> letters = new ArrayList<>();
        for (Refusal refusal : refusals) {
            String reason = "Kafka refused the record for good: " + Failures.describe(refusal.failure());
            if (refusal.message().topic().endsWith(Topics.deadLetter(""))) {
                park(parked, refusal, reason + "; it is a dead letter already, so it stays in the outbox");
            } else {
                sendable.add(refusal);
                letters.add(letter(refusal, reason, refusal.message().value()));
            }
        }
        List<KafkaSends.Outcome> outcomes = KafkaSends.sendAll(producer, letters, ackTimeout);
        List<KafkaSends.Message> withoutValue = new ArrayList<>();
        int unanswered = 0;
        Throwable failure = null;
        for (int i = 0; i < sendable.size(); i++) {
            Refusal refusal = sendable.get(i);
            KafkaSends.Outcome outcome = outcomes.get(i);
            String reason = letters.get(i).headers().get(DeadLetterHeaders.REASON);
            if (outcome.acknowledged()) {
                delivered.add(refusal.id());
                count(refusal, "dead-letter");
                LOG.errorf("Outbox row %d for %s dead-lettered to %s: %s", refusal.id(), refusal.message().topic(),
                        Topics.deadLetter(refusal.message().topic()), reason);
            } else if (outcome.refusedForGood()) {
                String kept = reason + "; the dead-letter topic refused its " + refusal.message().value().length
                        + "-byte value too (" + Failures.describe(outcome.failure()) + "), so the value stays in the "
                        + "producing service's outbox, row " + refusal.id();
                park(parked, refusal, kept);
                withoutValue.add(letter(refusal, kept, new byte[0]));
            } else {
                unanswered++;
                failure = failure == null ? outcome.failure() : failure;
            }
        }
        // Best effort: the parked row holds the record whether or not this notice reaches the dead-letter topic.
        KafkaSends.sendAll(producer, withoutValue, ackTimeout);
        return new Result(delivered, parked, unanswered, failure);
    }

    private static KafkaSends.Message letter(Refusal refusal, String reason, byte[] value) {
        KafkaSends.Message original = refusal.message();
        Map<String, String> cloudEvents = new LinkedHashMap<>();
        if (original.headers() != null) {
            original.headers().forEach((name, text) -> {
                if (name.startsWith("ce_")) {
                    cloudEvents.put(name, text);
                }
            });
        }
        OutboxRecord letter = OutboxRecord.deadLetter(original.topic(), original.key(), value, cloudEvents, reason);
        return new KafkaSends.Message(letter.topic(), letter.key(), letter.payload(), letter.headers());
    }

    private void park(Map<Long, String> parked, Refusal refusal, String reason) {
        parked.put(refusal.id(), reason);
        count(refusal, "outbox");
        LOG.errorf("Outbox row %d for %s parked in the outbox: %s", refusal.id(), refusal.message().topic(), reason);
    }

    private void count(Refusal refusal, String value) {
        metrics.counter("outbox.dead.letters", "topic", refusal.message().topic(),
                "failure", Failures.kind(refusal.failure()), "value", value).increment();
    }
}
