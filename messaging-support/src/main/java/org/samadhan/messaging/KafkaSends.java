package org.samadhan.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Sends a list of records at once and tells, for each, whether Kafka acknowledged it, refused it or gave no answer
 * in time. A topic whose send failed at once (its metadata did not come within {@code max.block.ms}) gets no more
 * sends in the same list, so a missing topic costs one wait, not one per record.
 */
final class KafkaSends {

    /** What became of one record. {@code failure} is null when Kafka acknowledged it. */
    record Outcome(Throwable failure) {
        boolean acknowledged() {
            return failure == null;
        }

        boolean refusedForGood() {
            return failure != null && Failures.refusedForGood(failure);
        }
    }

    /** A record of the outbox to send: headers null when they could not be read. */
    record Message(String topic, byte[] key, byte[] value, Map<String, String> headers) {
    }

    private KafkaSends() {
    }

    static List<Outcome> sendAll(Producer<byte[], byte[]> producer, List<Message> messages, Duration ackTimeout) {
        List<CompletableFuture<Void>> acks = new ArrayList<>();
        Map<String, Throwable> unavailable = new HashMap<>();
        for (Message message : messages) {
            CompletableFuture<Void> ack;
            if (message.headers() == null) {
                ack = CompletableFuture.failedFuture(new UnreadableHeaders());
            } else if (unavailable.containsKey(message.topic())) {
                ack = CompletableFuture.failedFuture(unavailable.get(message.topic()));
            } else {
                ack = send(producer, message);
                if (ack.isCompletedExceptionally()) {
                    Throwable failure = failure(ack);
                    if (!Failures.refusedForGood(failure)) {
                        unavailable.put(message.topic(), failure);
                    }
                }
            }
            acks.add(ack);
        }
        awaitAll(acks, ackTimeout);
        List<Outcome> outcomes = new ArrayList<>();
        for (CompletableFuture<Void> ack : acks) {
            outcomes.add(new Outcome(!ack.isDone()
                    ? new TimeoutException("not acknowledged within " + ackTimeout)
                    : ack.isCompletedExceptionally() ? failure(ack) : null));
        }
        return outcomes;
    }

    private static CompletableFuture<Void> send(Producer<byte[], byte[]> producer, Message message) {
        var headers = new RecordHeaders();
        message.headers().forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        var ack = new CompletableFuture<Void>();
        try {
            producer.send(new ProducerRecord<>(message.topic(), null, message.key(), message.value(), headers),
                    (metadata, failure) -> {
                        if (failure == null) {
                            ack.complete(null);
                        } else {
                            ack.completeExceptionally(failure);
                        }
                    });
        } catch (RuntimeException e) { // a closed producer, an interceptor or partitioner that threw
            ack.completeExceptionally(e);
        }
        return ack;
    }

    private static void awaitAll(List<CompletableFuture<Void>> acks, Duration timeout) {
        try {
            CompletableFuture.allOf(acks.stream().map(ack -> ack.exceptionally(failure -> null))
                    .toArray(CompletableFuture[]::new)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // the records without an answer count as not acknowledged
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot happen: every failure was mapped to null", e);
        }
    }

    private static Throwable failure(CompletableFuture<Void> ack) {
        try {
            ack.join();
            return null;
        } catch (RuntimeException e) {
            return Failures.unwrap(e);
        }
    }

    /** The outbox row's headers are not a JSON object of strings: no send of it can succeed. */
    static final class UnreadableHeaders extends org.apache.kafka.common.errors.SerializationException {
        UnreadableHeaders() {
            super("the outbox row's headers are not a JSON object of strings");
        }
    }
}
