package org.samadhan.grievance;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import org.samadhan.contracts.grievance.GrievanceCommand;
import org.samadhan.contracts.grievance.GrievanceEvent;
import org.samadhan.grievance.persistence.GrievanceRow;
import org.samadhan.grievance.workflow.GrievanceAction;

/**
 * Routing's decision: the grievance goes to a department and officer at level 1, and its deadline starts from the
 * department's service level.
 */
@ApplicationScoped
public class GrievanceAssignment {

    private final GrievanceLifecycle lifecycle;

    public GrievanceAssignment(GrievanceLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    GrievanceEvent assign(Connection c, GrievanceRow row, GrievanceCommand command, Instant now) throws SQLException {
        GrievanceCommand.Assign a = command.assign();
        String reason = a.reasons() == null || a.reasons().isEmpty() ? null : String.join("; ", a.reasons());
        return lifecycle.apply(c, row, GrievanceAction.ASSIGN, GrievanceLifecycle.Actor.system(command.issuedBy()),
                reason, r -> r.placedWith(a.departmentCode(), a.block(), a.officerId(), 1,
                        lifecycle.firstDeadline(a.departmentCode(), now)), now);
    }
}
