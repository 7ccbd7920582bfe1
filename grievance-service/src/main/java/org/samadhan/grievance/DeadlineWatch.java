package org.samadhan.grievance;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.samadhan.grievance.config.GrievanceConfig;
import org.samadhan.grievance.persistence.GrievanceRow;
import org.samadhan.grievance.persistence.GrievanceStore;
import org.samadhan.grievance.workflow.GrievanceAction;
import org.samadhan.messaging.TransactionalBatch;
import org.samadhan.messaging.Transactions;

/**
 * Acts on time passing: reminds the holder before a deadline, hands the grievance to the official one level up when it
 * passes (block officer, department head, collector), and closes a resolved grievance as unverified when the citizen
 * never answered. Every instance runs it; row locks with SKIP LOCKED make each deadline acted on exactly once. One
 * grievance that cannot be acted on (bad data, a directory without that department) is skipped, logged and counted,
 * and does not hold up the others.
 */
@ApplicationScoped
public class DeadlineWatch {

    private static final Logger LOG = Logger.getLogger(DeadlineWatch.class);
    private static final GrievanceLifecycle.Actor WATCH = GrievanceLifecycle.Actor.system("deadline-watch");

    private final AgroalDataSource dataSource;
    private final GrievanceLifecycle lifecycle;
    private final Ladders ladders;
    private final GrievanceConfig config;
    private final MeterRegistry metrics;
    private final Clock clock = Clock.systemUTC();

    public DeadlineWatch(AgroalDataSource dataSource, GrievanceLifecycle lifecycle, Ladders ladders,
                         GrievanceConfig config, MeterRegistry metrics) {
        this.dataSource = dataSource;
        this.lifecycle = lifecycle;
        this.ladders = ladders;
        this.config = config;
        this.metrics = metrics;
    }

    @Scheduled(every = "${grievance.deadlines.check-interval}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        try {
            checkAt(Instant.now(clock));
        } catch (SQLException e) {
            LOG.warnf("Deadline check failed, retrying on the next tick: %s", e.getMessage());
        }
    }

    /** Acts on everything due at {@code now}; returns how many grievances it changed. */
    public int checkAt(Instant now) throws SQLException {
        int batch = config.deadlines().batchSize();
        Set<UUID> skipped = new HashSet<>();
        int changed = 0;
        int round;
        do {
            round = Transactions.inTransaction(dataSource, c -> {
                int n = 0;
                for (UUID id : GrievanceStore.lockOverdue(c, now, batch, skipped)) {
                    n += isolated(c, id, GrievanceAction.ESCALATE, now, skipped);
                }
                for (UUID id : GrievanceStore.lockToRemind(c, now, config.deadlines().remindBefore(), batch, skipped)) {
                    n += isolated(c, id, GrievanceAction.REMIND, now, skipped);
                }
                for (UUID id : GrievanceStore.lockFeedbackExpired(c, now, batch, skipped)) {
                    n += isolated(c, id, GrievanceAction.EXPIRE_FEEDBACK, now, skipped);
                }
                return n;
            });
            changed += round;
        } while (round > 0);
        return changed;
    }

    /** Acts on one grievance behind a savepoint; a failure other than the database's own skips only this one. */
    private int isolated(Connection c, UUID id, GrievanceAction action, Instant now, Set<UUID> skipped)
            throws SQLException {
        Savepoint savepoint = c.setSavepoint();
        try {
            act(c, id, action, now);
            c.releaseSavepoint(savepoint);
            return 1;
        } catch (SQLException e) {
            if (TransactionalBatch.isTransient(e)) {
                throw e;
            }
            return skip(c, savepoint, id, action, "database refused it (SQL state " + e.getSQLState() + ")", skipped);
        } catch (RuntimeException e) {
            return skip(c, savepoint, id, action, e.getClass().getSimpleName() + ": " + e.getMessage(), skipped);
        }
    }

    private int skip(Connection c, Savepoint savepoint, UUID id, GrievanceAction action, String why, Set<UUID> skipped)
            throws SQLException {
        c.rollback(savepoint);
        skipped.add(id);
        metrics.counter("grievance.deadline.skipped", "action", action.name()).increment();
        LOG.errorf("%s of grievance %s skipped, tried again on the next check: %s", action, id, why);
        return 0;
    }

    private void act(Connection c, UUID id, GrievanceAction action, Instant now) throws SQLException {
        GrievanceRow row = GrievanceStore.lock(c, id);
        var event = switch (action) {
            case ESCALATE -> {
                Ladders.Placement above = ladders.above(c, row, now);
                yield lifecycle.apply(c, row, action, WATCH, "Deadline " + row.dueAt() + " passed at level "
                                + row.level(), r -> r.placedWith(r.departmentCode(), null, above.officerId(),
                                above.level(), above.dueAt()), now);
            }
            case REMIND -> lifecycle.apply(c, row, action, WATCH, "Due " + row.dueAt(), GrievanceRow::reminded, now);
            case EXPIRE_FEEDBACK -> lifecycle.apply(c, row, action, WATCH,
                    "No answer from the citizen by " + row.feedbackDueAt(), r -> r.answered(null), now);
            default -> throw new IllegalArgumentException(action + " is not a deadline action");
        };
        LOG.infof("%s %s (level %d)", action, event.grievanceNumber(), event.level());
    }
}
