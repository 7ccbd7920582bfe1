package org.samadhan.grievance;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.samadhan.grievance.config.GrievanceConfig;
import org.samadhan.grievance.persistence.GrievanceRow;
import org.samadhan.grievance.persistence.GrievanceStore;
import org.samadhan.messaging.Transactions;
import org.samadhan.grievance.workflow.GrievanceAction;

/**
 * Acts on time passing: reminds the assignee before a deadline, escalates one level when it passes (block officer,
 * department head, collector), and closes a resolved grievance as unverified when the citizen never answered.
 * Every instance runs it; row locks with SKIP LOCKED make each deadline acted on exactly once.
 */
@ApplicationScoped
public class DeadlineWatch {

    private static final Logger LOG = Logger.getLogger(DeadlineWatch.class);
    private static final GrievanceLifecycle.Actor WATCH = GrievanceLifecycle.Actor.system("deadline-watch");

    private final AgroalDataSource dataSource;
    private final GrievanceLifecycle lifecycle;
    private final GrievanceConfig config;
    private final Clock clock = Clock.systemUTC();

    public DeadlineWatch(AgroalDataSource dataSource, GrievanceLifecycle lifecycle, GrievanceConfig config) {
        this.dataSource = dataSource;
        this.lifecycle = lifecycle;
        this.config = config;
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
        int changed = 0;
        int round;
        do {
            round = Transactions.inTransaction(dataSource, c -> {
                int n = 0;
                for (UUID id : GrievanceStore.lockOverdue(c, now, batch)) {
                    n += act(c, id, GrievanceAction.ESCALATE, now);
                }
                for (UUID id : GrievanceStore.lockToRemind(c, now, config.deadlines().remindBefore(), batch)) {
                    n += act(c, id, GrievanceAction.REMIND, now);
                }
                for (UUID id : GrievanceStore.lockFeedbackExpired(c, now, batch)) {
                    n += act(c, id, GrievanceAction.EXPIRE_FEEDBACK, now);
                }
                return n;
            });
            changed += round;
        } while (round > 0);
        return changed;
    }

    private int act(Connection c, UUID id, GrievanceAction action, Instant now) throws SQLException {
        GrievanceRow row = GrievanceStore.lock(c, id);
        var event = switch (action) {
            case ESCALATE -> lifecycle.apply(c, row, action, WATCH,
                    "Deadline " + row.dueAt() + " passed at level " + row.level(),
                    r -> r.placedWith(r.departmentCode(), null, r.officerId(), r.level() + 1,
                            lifecycle.escalatedDeadline(now)), now);
            case REMIND -> lifecycle.apply(c, row, action, WATCH, "Due " + row.dueAt(), GrievanceRow::reminded, now);
            case EXPIRE_FEEDBACK -> lifecycle.apply(c, row, action, WATCH,
                    "No answer from the citizen by " + row.feedbackDueAt(), r -> r.answered(null), now);
            default -> throw new IllegalArgumentException(action + " is not a deadline action");
        };
        LOG.infof("%s %s (level %d)", action, event.grievanceNumber(), event.level());
        return 1;
    }
}
