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
 * department's service level in the directory version routing used.
 */
@ApplicationScoped
public class GrievanceAssignment {

    private final GrievanceLifecycle lifecycle;
    private final Ladders ladders;

    public GrievanceAssignment(GrievanceLifecycle lifecycle, Ladders ladders) {
        this.lifecycle = lifecycle;
        this.ladders = ladders;
    }

    GrievanceEvent assign(Connection c, GrievanceRow row, GrievanceCommand command, Instant now) throws SQLException {
        GrievanceCommand.Assign a = command.assign();
        String reason = a.reasons() == null || a.reasons().isEmpty() ? null : String.join("; ", a.reasons());
        var due = ladders.assignedDeadline(c, row.districtCode(), a.departmentCode(), a.serviceLevel(), now);
        return lifecycle.apply(c, row, GrievanceAction.ASSIGN, GrievanceLifecycle.Actor.system(command.issuedBy()),
                reason, r -> r.placedWith(a.departmentCode(), a.block(), a.officerId(), 1, due), now);
    }
}
