package org.samadhan.grievance;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Instant;
import org.jboss.logging.Logger;
import org.samadhan.grievance.config.GrievanceConfig;
import org.samadhan.grievance.persistence.GrievanceStore;
import org.samadhan.messaging.Transactions;

/**
 * Forgets the ids of commands processed longer ago than {@code grievance.commands.processed-retention}, which is
 * longer than the commands topic keeps them, so the idempotency table does not grow without bound.
 */
@ApplicationScoped
public class ProcessedCommands {

    private static final Logger LOG = Logger.getLogger(ProcessedCommands.class);

    private final AgroalDataSource dataSource;
    private final GrievanceConfig config;

    public ProcessedCommands(AgroalDataSource dataSource, GrievanceConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    @Scheduled(every = "${grievance.commands.purge-interval}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        try {
            purgeAt(Instant.now());
        } catch (SQLException e) {
            LOG.warnf("Purging processed commands failed, retrying on the next tick: %s", e.getMessage());
        }
    }

    /** Deletes what is past retention at {@code now}; returns how many ids were forgotten. */
    public int purgeAt(Instant now) throws SQLException {
        int purged = Transactions.inTransaction(dataSource,
                c -> GrievanceStore.purgeProcessed(c, now.minus(config.commands().processedRetention())));
        if (purged > 0) {
            LOG.infof("Forgot %d processed command ids", purged);
        }
        return purged;
    }
}
