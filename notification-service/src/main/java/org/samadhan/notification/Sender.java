package org.samadhan.notification;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.samadhan.contracts.CitizenIds;
import org.samadhan.messaging.Transactions;
import org.samadhan.notification.config.NotificationConfig;
import org.samadhan.notification.persistence.OutboundStore;
import org.samadhan.notification.persistence.PendingMessage;
import org.samadhan.notification.whatsapp.CloudApiClient;
import org.samadhan.notification.whatsapp.SendRequests;
import org.samadhan.notification.whatsapp.SendResult;

/**
 * Sends queued messages through the Cloud API, on one thread of the leading instance: each citizen's oldest message
 * first, within the throughput and pair limits (waiting, never dropping), free-form inside the citizen's 24-hour
 * window and as the approved template outside it. Each message is marked SENDING (committed) before it is sent and
 * its answer recorded after. A send WhatsApp may have taken without our knowing (no answer) stays SENDING for
 * {@link UnconfirmedSends} to settle from its statuses; only a send WhatsApp refused, or one that never left, is
 * retried here.
 */
@ApplicationScoped
public class Sender {

    private static final Logger LOG = Logger.getLogger(Sender.class);
    private static final Duration WINDOW = Duration.ofHours(24);

    private final AgroalDataSource dataSource;
    private final CloudApiClient client;
    private final SenderLeadership leadership;
    private final DeadLetters deadLetters;
    private final PublishedIds publishedIds;
    private final NotificationConfig.Sending config;
    private final MeterRegistry metrics;
    private final SendingLimits limits;
    private final Semaphore inFlight;
    /** The sends whose answer has not been handled yet, by outbound id. */
    private final Set<String> unanswered = ConcurrentHashMap.newKeySet();
    private final AcceptedSends acceptedSends;
    /** Answers arrive on the HTTP client's event loop; recording one may touch the database, so it happens here. */
    private final ExecutorService answers = Executors.newFixedThreadPool(2, task -> {
        Thread thread = new Thread(task, "whatsapp-answers");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean running;
    private Thread thread;

    public Sender(AgroalDataSource dataSource, CloudApiClient client, SenderLeadership leadership,
                  DeadLetters deadLetters, PublishedIds publishedIds, NotificationConfig config,
                  MeterRegistry metrics) {
        this.dataSource = dataSource;
        this.client = client;
        this.leadership = leadership;
        this.deadLetters = deadLetters;
        this.publishedIds = publishedIds;
        this.config = config.sending();
        this.metrics = metrics;
        this.limits = new SendingLimits(this.config.perSecond(), this.config.pairBurst(), this.config.pairInterval());
        this.inFlight = new Semaphore(this.config.concurrency());
        this.acceptedSends = new AcceptedSends(dataSource);
    }

    void start(@Observes StartupEvent started) {
        running = true;
        thread = new Thread(this::loop, "whatsapp-sender");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent stopping) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.join(5_000);
        }
        inFlight.tryAcquire(config.concurrency(), 10, TimeUnit.SECONDS); // let answers in flight arrive
        acceptedSends.close(); // and be recorded
        answers.shutdown();
    }

    /**
     * The messages this instance has in hand: sent and not answered yet, or accepted and not recorded yet (say,
     * while the database is away). Their rows say SENDING, but they are not unconfirmed.
     */
    public Set<String> inHand() {
        Set<String> ids = new HashSet<>(unanswered); // first: an answered id is in AcceptedSends before it leaves here
        ids.addAll(acceptedSends.pending());
        return ids;
    }

    private void loop() {
        while (running) {
            try {
                if (!leadership.isLeader()) {
                    Thread.sleep(2_000);
                    continue;
                }
                int room = awaitRoom();
                List<PendingMessage> batch = Transactions.inTransaction(dataSource,
                        c -> OutboundStore.take(c, Instant.now(), Math.min(room, 200)));
                if (batch.isEmpty()) {
                    Thread.sleep(20);
                }
                for (PendingMessage message : batch) {
                    dispatch(message);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (SQLException | RuntimeException e) {
                LOG.warnf("Sending round failed, retrying: %s", e.getMessage());
                sleepQuietly(1_000);
            }
        }
    }

    /**
     * Waits until at least half of the sends in flight have been answered, so each round takes a useful batch. A
     * round takes at most {@code concurrency} messages, which go out within about a second even at the throughput
     * limit.
     */
    private int awaitRoom() throws InterruptedException {
        int half = Math.max(1, config.concurrency() / 2);
        inFlight.acquire(half);
        inFlight.release(half);
        return inFlight.availablePermits();
    }

    private void dispatch(PendingMessage message) throws SQLException, InterruptedException {
        Instant now = Instant.now();
        if (message.proactive() && message.optedOut()) {
            Transactions.inTransaction(dataSource,
                    c -> OutboundStore.finish(c, message.outboundId(), "SKIPPED", null, "citizen opted out", now));
            metrics.counter("notification.skipped", "reason", "opted-out").increment();
            return;
        }
        // A reply answers what the citizen just wrote, so their window is open even if we have not seen it yet.
        boolean windowOpen = !message.proactive() || (message.lastInboundAt() != null
                && message.lastInboundAt().plus(WINDOW).isAfter(now.plusSeconds(60)));
        boolean asTemplate = message.asTemplate() || (!windowOpen && message.template() != null);
        if (!asTemplate && !windowOpen) {
            dead(message, 131047, "The 24-hour window is closed and this message has no approved template", null);
            return;
        }
        ObjectNode request = asTemplate ? SendRequests.template(message) : SendRequests.freeForm(message);
        while (true) {
            SendingLimits.Decision decision = limits.acquire(message.waId(), System.nanoTime());
            if (decision.granted()) {
                break;
            }
            if (decision.citizenLimited()) { // not sent: waits its turn in the queue, without using an attempt
                Transactions.inTransaction(dataSource, c -> OutboundStore.retry(c, message.outboundId(),
                        now.plusNanos(decision.waitNanos()), null, null, false, now));
                return;
            }
            TimeUnit.NANOSECONDS.sleep(decision.waitNanos());
        }
        inFlight.acquire();
        unanswered.add(message.outboundId());
        Timer.Sample sample = Timer.start(metrics);
        client.send(request).whenComplete((result, failure) -> limits.answered(System.nanoTime()))
                .whenCompleteAsync((result, failure) -> {
                    try {
                        sample.stop(metrics.timer("notification.send.latency"));
                        record(message, asTemplate, request, result);
                    } catch (SQLException | RuntimeException e) {
                        // Left SENDING: UnconfirmedSends will settle it from statuses, or send it again.
                        LOG.errorf("Could not record the answer for %s: %s", publishedIds.of(message.outboundId()),
                                e.getMessage());
                    } finally {
                        unanswered.remove(message.outboundId());
                        inFlight.release();
                    }
                }, answers);
    }

    private void record(PendingMessage message, boolean asTemplate, ObjectNode request, SendResult result)
            throws SQLException {
        Instant now = Instant.now();
        if (result instanceof SendResult.Accepted accepted) {
            acceptedSends.add(new AcceptedSends.Accepted(message.outboundId(), accepted.wamid(), asTemplate, now));
            metrics.counter("notification.sent", "form", asTemplate ? "template" : "free-form").increment();
        } else if (result instanceof SendResult.Refused refused) {
            metrics.counter("notification.failed", "code", String.valueOf(refused.code())).increment();
            if (refused.isTransient()) {
                retryOrGiveUp(message, refused.code(), refused.title());
            } else {
                dead(message, refused.code(), refused.title()
                        + (refused.details() == null ? "" : ": " + refused.details()), request);
            }
        } else if (result instanceof SendResult.NotSent notSent) {
            metrics.counter("notification.failed", "code", "unreachable").increment();
            retryOrGiveUp(message, null, notSent.reason());
        } else if (result instanceof SendResult.Unknown unknown) {
            // It may be on the citizen's phone already: sending it again now would be the duplicate to avoid.
            metrics.counter("notification.failed", "code", "no-answer").increment();
            LOG.infof("No answer to the send of %s to %s (%s); it is settled by its statuses, or sent again if none "
                            + "come", publishedIds.of(message.outboundId()), CitizenIds.mask(message.waId()),
                    unknown.reason());
        }
    }

    private void retryOrGiveUp(PendingMessage message, Integer code, String reason) throws SQLException {
        if (message.attempts() >= config.maxAttempts()) {
            dead(message, code, "Gave up after " + message.attempts() + " attempts: " + reason, null);
            return;
        }
        long base = config.firstRetry().toMillis() << Math.min(message.attempts() - 1, 20);
        long delay = Math.min(config.maxRetry().toMillis(), base);
        long jittered = delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1); // "equal jitter"
        Instant now = Instant.now();
        boolean queued = Transactions.inTransaction(dataSource, c -> OutboundStore.retry(c, message.outboundId(),
                now.plusMillis(jittered), code, reason, true, now));
        if (queued) {
            LOG.infof("Send of %s to %s failed (%s); attempt %d of %d again in %d ms",
                    publishedIds.of(message.outboundId()), CitizenIds.mask(message.waId()), reason,
                    message.attempts(), config.maxAttempts(), jittered);
        }
    }

    /** Given up: the message is dead-lettered with the reason and the outcome published, in one transaction. */
    private void dead(PendingMessage message, Integer code, String reason, ObjectNode request) throws SQLException {
        Instant now = Instant.now();
        if (Transactions.inTransaction(dataSource,
                c -> deadLetters.giveUp(c, message, code, reason, request, now))) {
            deadLetters.given(message, code, reason);
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
