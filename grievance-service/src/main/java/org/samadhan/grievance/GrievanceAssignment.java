package org.samadhan.grievance;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.samadhan.contracts.grievance.GrievanceCommand;
import org.samadhan.contracts.grievance.GrievanceEvent;
import org.samadhan.grievance.config.GrievanceConfig;
import org.samadhan.grievance.persistence.GrievanceRow;
import org.samadhan.grievance.persistence.GrievanceStore;
import org.samadhan.grievance.persistence.Transactions;
import org.samadhan.grievance.workflow.GrievanceAction;
import org.samadhan.grievance.workflow.Role;
import org.samadhan.grievance.workflow.TransitionRefused;
import org.samadhan.grievance.workflow.Workflow;

/**
 * Routing's decision: the grievance goes to a department and officer at level 1, and its deadline starts from the
 * department's service level. Refused (and dead-lettered with the reason) when the workflow does not allow it.
 */
@ApplicationScoped
public class GrievanceAssignment {

    private static final Logger LOG = Logger.getLogger(GrievanceAssignment.class);

    private final AgroalDataSource dataSource;
    private final GrievanceConfig config;
    private final Clock clock = Clock.systemUTC();

    public GrievanceAssignment(AgroalDataSource dataSource, GrievanceConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    /** The ASSIGN event, or empty when this command was processed before. */
    public Optional<GrievanceEvent> assign(GrievanceCommand command) throws SQLException {
        Optional<GrievanceEvent> event = Transactions.inTransaction(dataSource, c -> assignIn(c, command));
        event.ifPresent(e -> LOG.infof("Assigned %s to %s, due %s", e.grievanceNumber(), e.departmentCode(), e.dueAt()));
        return event;
    }

    private Optional<GrievanceEvent> assignIn(Connection c, GrievanceCommand command) throws SQLException {
        if (!GrievanceStore.markProcessed(c, command.commandId())) {
            return Optional.empty();
        }
        GrievanceRow row = GrievanceStore.lock(c, UUID.fromString(command.grievanceId()));
        if (row == null) {
            throw new TransitionRefused("No grievance " + command.grievanceId());
        }
        var next = Workflow.next(row.status(), GrievanceAction.ASSIGN, Role.SYSTEM);
        GrievanceCommand.Assign a = command.assign();
        Instant now = Instant.now(clock);
        Instant due = now.plus(config.sla().departments().getOrDefault(a.departmentCode(), config.sla().defaultDuration()));
        GrievanceRow after = row.assigned(next, a.departmentCode(), a.block(), a.officerId(), due);
        GrievanceStore.update(c, after, now);
        String reason = a.reasons() == null || a.reasons().isEmpty() ? null : String.join("; ", a.reasons());
        return Optional.of(TransitionRecorder.record(c, after, GrievanceAction.ASSIGN.name(), row.status(),
                new GrievanceEvent.Actor(command.issuedBy(), Role.SYSTEM.name()), reason, now, config.eventSource()));
    }
}
