package org.samadhan.notification;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Instant;
import org.jboss.logging.Logger;
import org.samadhan.messaging.Transactions;
import org.samadhan.notification.config.NotificationConfig;
import org.samadhan.notification.persistence.CitizenStore;

/** Forgets handled inbound message ids after {@code inbound-retention}, past WhatsApp's redeliveries. */
@ApplicationScoped
public class InboundRetention {

    private static final Logger LOG = Logger.getLogger(InboundRetention.class);

    private final AgroalDataSource dataSource;
    private final NotificationConfig config;

    public InboundRetention(AgroalDataSource dataSource, NotificationConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        try {
            int forgotten = Transactions.inTransaction(dataSource,
                    c -> CitizenStore.forgetProcessed(c, Instant.now().minus(config.inboundRetention())));
            if (forgotten > 0) {
                LOG.infof("Forgot %d inbound message ids older than %s", forgotten, config.inboundRetention());
            }
        } catch (SQLException e) {
            LOG.warnf("Could not forget old inbound message ids, trying again later: %s", e.getMessage());
        }
    }
}
