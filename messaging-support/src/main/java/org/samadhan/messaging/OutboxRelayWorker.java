package org.samadhan.messaging;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * Relays a service's outbox on a thread of its own: at once when woken (a transaction has just committed records a
 * person is waiting for), and otherwise every {@code idle} (what no wake announced, and retries after a failed round).
 * Wakes while a round runs are folded into one more round, so nothing committed waits for the idle tick.
 */
public final class OutboxRelayWorker implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final OutboxRelay relay;
    private final Duration idle;
    private final Duration ackTimeout;
    private final Semaphore wake = new Semaphore(0);
    private final Thread thread;
    private volatile boolean running = true;

    /** Creates and starts the worker with a durable producer of its own ({@code clientId}). */
    public static OutboxRelayWorker start(DataSource dataSource, Map<String, Object> kafka, String clientId,
                                          int batchSize, Duration ackTimeout, Duration idle) {
        return new OutboxRelayWorker(dataSource, DurableProducers.create(DurableProducers.config(kafka, clientId,
                ackTimeout)), batchSize, ackTimeout, idle, clientId);
    }

    private OutboxRelayWorker(DataSource dataSource, KafkaProducer<String, byte[]> producer, int batchSize,
                              Duration ackTimeout, Duration idle, String name) {
        this.producer = producer;
        this.relay = new OutboxRelay(dataSource, producer, batchSize, ackTimeout);
        this.idle = idle;
        this.ackTimeout = ackTimeout;
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
        while (running) {
            try {
                wake.tryAcquire(idle.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            wake.drainPermits(); // this round covers every wake so far
            if (running) {
                relay.drainOrRetryLater();
            }
        }
    }

    /** Lets the current round finish (what it sent is acknowledged or left for next time), then closes. */
    @Override
    public void close() {
        running = false;
        wake.release();
        try {
            thread.join(ackTimeout.plusSeconds(1).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close();
    }
}
