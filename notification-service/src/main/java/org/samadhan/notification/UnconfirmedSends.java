package org.samadhan.notification;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;
import org.samadhan.messaging.Transactions;
import org.samadhan.notification.config.NotificationConfig;
import org.samadhan.notification.persistence.OutboundStore;

/**
 * Settles sends that were never recorded because the service died between sending and recording. If WhatsApp had
 * accepted such a send, its {@code sent} status (carrying our outbound id as callback data) arrives within seconds
 * and DeliveryTracking records it: it is not sent again. A send still unconfirmed after
 * {@code sending.unconfirmed-after} never reached WhatsApp, and is queued again. This is how each message is sent
 * once as the citizen sees it, although the Cloud API has no idempotency key.
 */
@ApplicationScoped
public class UnconfirmedSends {

    private static final Logger LOG = Logger.getLogger(UnconfirmedSends.class);

    private final AgroalDataSource dataSource;
    private final NotificationConfig config;
    private final MeterRegistry metrics;

    public UnconfirmedSends(AgroalDataSource dataSource, NotificationConfig config, MeterRegistry metrics) {
        this.dataSource = dataSource;
        this.config = config;
        this.metrics = metrics;
        metrics.gauge("notification.queue.depth", this, UnconfirmedSends::queueDepth);
    }

    @Scheduled(every = "2s", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void settle() {
        try {
            Instant now = Instant.now();
            List<String> requeued = Transactions.inTransaction(dataSource, c -> {
                List<String> ids = OutboundStore.lockUnconfirmed(c, now.minus(config.sending().unconfirmedAfter()));
                for (String id : ids) {
                    OutboundStore.requeue(c, id, now, null, "unconfirmed send", null, now);
                }
                return ids;
            });
            if (!requeued.isEmpty()) {
                metrics.counter("notification.unconfirmed.requeued").increment(requeued.size());
                LOG.warnf("%d sends were never confirmed and are queued again: %s", requeued.size(), requeued);
            }
        } catch (SQLException e) {
            LOG.warnf("Could not settle unconfirmed sends: %s", e.getMessage());
        }
    }

    private double queueDepth() {
        try {
            return Transactions.inTransaction(dataSource, OutboundStore::queueDepth);
        } catch (SQLException e) {
            return Double.NaN;
        }
    }
}
