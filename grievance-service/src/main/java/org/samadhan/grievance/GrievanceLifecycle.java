package org.samadhan.grievance;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;
import org.samadhan.contracts.grievance.GrievanceEvent;
import org.samadhan.grievance.config.GrievanceConfig;
import org.samadhan.grievance.persistence.GrievanceRow;
import org.samadhan.grievance.persistence.GrievanceStore;
import org.samadhan.grievance.workflow.GrievanceAction;
import org.samadhan.grievance.workflow.GrievanceStatus;
import org.samadhan.grievance.workflow.Role;
import org.samadhan.grievance.workflow.Workflow;

/**
 * Takes one workflow action on one locked grievance: the workflow decides whether it may happen and the next state,
 * the change is written, and its history row and event are recorded, all on the caller's transaction.
 */
@ApplicationScoped
public class GrievanceLifecycle {

    private final GrievanceConfig config;

    public GrievanceLifecycle(GrievanceConfig config) {
        this.config = config;
    }

    /**
     * @param change what the action changes besides status and version (identity for notes and plain moves); it
     *               sees the row already moved to the next state
     * @throws org.samadhan.grievance.workflow.TransitionRefused when the workflow does not allow it
     */
    public GrievanceEvent apply(Connection c, GrievanceRow row, GrievanceAction action, Actor actor, String reason,
                                UnaryOperator<GrievanceRow> change, Instant now) throws SQLException {
        GrievanceStatus next = Workflow.next(row.status(), action, actor.role(), row.level());
        GrievanceRow after = change.apply(row.movedTo(next));
        GrievanceStore.update(c, after, now);
        return TransitionRecorder.record(c, row, after, action.name(), actor.toEvent(), reason,
                action == GrievanceAction.CONFIRM_RESOLVED ? after.rating() : null, now, config.eventSource());
    }

    /** How long the citizen has to answer "was it fixed?". */
    public Duration feedbackWindow() {
        return config.feedback().window();
    }

    /** Who takes an action: an officer (by token subject), the citizen (by citizenRef) or the service. */
    public record Actor(String id, Role role) {

        public static Actor system(String id) {
            return new Actor(id, Role.SYSTEM);
        }

        GrievanceEvent.Actor toEvent() {
            return new GrievanceEvent.Actor(id, role.name());
        }
    }
}
