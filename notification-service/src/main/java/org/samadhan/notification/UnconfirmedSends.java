package org.samadhan.notification;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import org.samadhan.messaging.Transactions;
import org.samadhan.notification.config.NotificationConfig;
import org.samadhan.notification.persistence.OutboundStore;
import org.samadhan.notification.persistence.PendingMessage;

/**
 * Settles sends whose outcome is unknown: the answer never came (a timeout, a connection lost after the request was
 * written) or was never recorded (the service died in between). If WhatsApp had accepted such a send, its {@code sent}
 * status (carrying our outbound id as callback data) arrives within seconds and DeliveryTracking records it: it is not
 * sent again. Only a send with neither an answer nor a status once its answer was due ({@code whatsapp.timeout}) and
 * {@code sending.unconfirmed-after} more have passed is taken to have never reached WhatsApp and is queued again (or
 * given up after {@code sending.max-attempts}).
 *
 * <p>Runs on the sending instance only, skipping what it still has in hand (answers not yet handled, acceptances held
 * while the database was away), and only once it has been sending with a working database for
 * {@code unconfirmed-after}: after a start, a take-over or an outage, statuses waiting in Kafka and acceptances held
 * in memory (here or on the previous sender) land first.
 */
@ApplicationScoped
public class UnconfirmedSends {

    private static final Logger LOG = Logger.getLogger(UnconfirmedSends.class);

    private final AgroalDataSource dataSource;
    private final SenderLeadership leadership;
    private final Sender sender;
    private final DeadLetters deadLetters;
    private final PublishedIds publishedIds;
    private final NotificationConfig config;
    private final MeterRegistry metrics;
    /** Since when this instance has been the sender with a working database, or null. */
    private volatile Instant steadySince;

    public UnconfirmedSends(AgroalDataSource dataSource, SenderLeadership leadership, Sender sender,
                            DeadLetters deadLetters, PublishedIds publishedIds, NotificationConfig config,
                            MeterRegistry metrics) {
        this.dataSource = dataSource;
        this.leadership = leadership;
        this.sender = sender;
        this.deadLetters = deadLetters;
        this.publishedIds = publishedIds;
        this.config = config;
        this.metrics = metrics;
        metrics.gauge("notification.queue.depth", this, UnconfirmedSends::queueDepth);
    }

    @Scheduled(every = "2s", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void settle() {
        Instant now = Instant.now();
        if (!leadership.isLeader()) {
            steadySince = null;
            return;
        }
        if (steadySince == null) {
            steadySince = now;
        }
        Duration wait = config.sending().unconfirmedAfter();
        if (now.isBefore(steadySince.plus(wait))) {
            return;
        }
        try {
            Instant before = now.minus(config.whatsapp().timeout()).minus(wait);
            List<String> requeued = new ArrayList<>();
            List<PendingMessage> dead = new ArrayList<>();
            Transactions.inTransaction(dataSource, c -> {
                for (PendingMessage message : OutboundStore.lockUnconfirmed(c, before, sender.inHand())) {
                    if (message.attempts() < config.sending().maxAttempts()) {
                        requeued.add(message.outboundId());
                    } else if (deadLetters.giveUp(c, message, null, reason(message), null, now)) {
                        dead.add(message);
                    }
                }
                OutboundStore.requeueUnconfirmed(c, requeued, now);
                return null;
            });
            dead.forEach(message -> deadLetters.given(message, null, reason(message)));
            if (!requeued.isEmpty()) {
                metrics.counter("notification.unconfirmed.requeued").increment(requeued.size());
                LOG.warnf("%d sends had neither an answer nor a status and are queued again: %s", requeued.size(),
                        requeued.stream().map(publishedIds::of).toList());
            }
        } catch (SQLException e) {
            steadySince = null;
            LOG.warnf("Could not settle unconfirmed sends: %s", e.getMessage());
        }
    }

    private static String reason(PendingMessage message) {
        return "Gave up after " + message.attempts() + " attempts: no answer and no status";
    }

    private double queueDepth() {
        try {
            return Transactions.inTransaction(dataSource, OutboundStore::queueDepth);
        } catch (SQLException e) {
            return Double.NaN;
        }
    }
}
