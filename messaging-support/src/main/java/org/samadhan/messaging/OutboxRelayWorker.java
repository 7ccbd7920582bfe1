package org.samadhan.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.jboss.logging.Logger;

/**
 * Relays a service's outbox on a thread of its own: at once when woken (a transaction has just committed records a
 * person is waiting for), and otherwise every {@code idle} (what no wake announced). Wakes while a round runs are
 * folded into one more round, so nothing committed waits for the idle tick. A round that fails, for any reason, is
 * logged, counted ({@code outbox.relay.retries}, by failure) and retried after a backoff that doubles up to
 * {@code maxBackoff}; the thread never ends before {@link #close()}.
 */
public final class OutboxRelayWorker implements AutoCloseable {

    /** The dead-letter topics' {@code max.message.bytes} (deploy/kafka/topics.tsv) plus a record batch's overhead. */
    static final int MAX_REQUEST_SIZE = 2 * 1024 * 1024 + 4096;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Logger LOG = Logger.getLogger(OutboxRelayWorker.class);

    /** Rows per round, how long Kafka may take to acknowledge, the idle tick, and the longest wait after failures. */
    public record Settings(int batchSize, Duration ackTimeout, Duration idle, Duration maxBackoff) {
    }

    private final KafkaProducer<byte[], byte[]> producer;
    private final OutboxRelay relay;
    private final Settings settings;
    private final MeterRegistry metrics;
    private final Semaphore wake = new Semaphore(0);
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean running = true;

    /**
     * Creates and starts the worker with a durable producer of its own ({@code clientId}). Its requests may be as
     * large as a dead-letter topic accepts, so a record its own topic refuses as too large still fits its dead
     * letter.
     */
    public static OutboxRelayWorker start(DataSource dataSource, Map<String, Object> kafka, String clientId,
                                          Settings settings, MeterRegistry metrics) {
        Map<String, Object> config = DurableProducers.config(kafka, clientId, settings.ackTimeout());
        config.putIfAbsent(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_REQUEST_SIZE);
        return new OutboxRelayWorker(dataSource, DurableProducers.createRaw(config), settings, metrics, clientId);
    }

    private OutboxRelayWorker(DataSource dataSource, KafkaProducer<byte[], byte[]> producer, Settings settings,
                              MeterRegistry metrics, String name) {
        this.producer = producer;
        this.relay = new OutboxRelay(dataSource, producer, settings.batchSize(), settings.ackTimeout(), metrics);
        this.settings = settings;
        this.metrics = metrics;
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Asks for a round as soon as possible (cheap; call after every commit that wrote to the outbox). */
    public void wake() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    private void run() {
        Duration backoff = Duration.ZERO;
        while (running) {
            try {
                if (backoff.isZero()) {
                    wake.tryAcquire(settings.idle().toMillis(), TimeUnit.MILLISECONDS);
                } else if (closing.await(backoff.toMillis(), TimeUnit.MILLISECONDS)) {
                    return; // wakes do not cut a backoff short: the failure would most likely repeat
                }
            } catch (InterruptedException e) {
                return;
            }
            wake.drainPermits(); // this round covers every wake so far
            if (!running) {
                return;
            }
            try {
                relay.drain();
                backoff = Duration.ZERO;
            } catch (Throwable failure) { // whatever it is, the relay must go on: records wait behind it
                backoff = backoff.isZero() ? FIRST_BACKOFF : backoff.multipliedBy(2);
                backoff = backoff.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : backoff;
                retryLater(failure, backoff);
            }
        }
    }

    private void retryLater(Throwable failure, Duration backoff) {
        metrics.counter("outbox.relay.retries", "failure", Failures.kind(failure)).increment();
        boolean expected = failure instanceof OutboxRelay.OutboxRelayException
                || (failure instanceof java.sql.SQLException sql && TransactionalBatch.isTransient(sql));
        if (expected) {
            LOG.warnf("Outbox relay round failed, retrying in %d ms: %s", backoff.toMillis(),
                    Failures.describe(failure));
        } else {
            LOG.errorf("Outbox relay round failed unexpectedly, retrying in %d ms: %s", backoff.toMillis(),
                    Failures.describe(failure));
        }
    }

    /** Lets the current round finish (what it sent is acknowledged or left for next time), then closes. */
    @Override
    public void close() {
        running = false;
        closing.countDown();
        wake.release();
        try {
            thread.join(settings.ackTimeout().multipliedBy(3).plusSeconds(1).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close();
    }
}
