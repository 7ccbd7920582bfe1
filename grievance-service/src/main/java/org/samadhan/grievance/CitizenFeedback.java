package org.samadhan.grievance;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import org.samadhan.contracts.grievance.GrievanceCommand;
import org.samadhan.contracts.grievance.GrievanceEvent;
import org.samadhan.grievance.persistence.GrievanceRow;
import org.samadhan.grievance.workflow.GrievanceAction;
import org.samadhan.grievance.workflow.Role;
import org.samadhan.grievance.workflow.TransitionRefused;

/**
 * The citizen's answer to "was it fixed?": satisfied closes the grievance as verified (with an optional rating);
 * not satisfied reopens it one level above where it was, with a fresh deadline for that level and the citizen's
 * reason on record, so a second "not satisfied" after a level-1 resolution reaches the collector.
 */
@ApplicationScoped
public class CitizenFeedback {

    private final GrievanceLifecycle lifecycle;

    public CitizenFeedback(GrievanceLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    GrievanceEvent submit(Connection c, GrievanceRow row, GrievanceCommand command, Instant now) throws SQLException {
        GrievanceCommand.Feedback feedback = command.feedback();
        var citizen = new GrievanceLifecycle.Actor(row.citizenRef(), Role.CITIZEN);
        if (feedback.satisfied()) {
            Integer rating = feedback.rating();
            if (rating != null && (rating < 1 || rating > 5)) {
                throw new TransitionRefused("rating must be from 1 to 5, was " + rating);
            }
            return lifecycle.apply(c, row, GrievanceAction.CONFIRM_RESOLVED, citizen, feedback.reason(),
                    r -> r.answered(rating), now);
        }
        int level = Math.min(row.level() + 1, GrievanceLifecycle.TOP_LEVEL);
        return lifecycle.apply(c, row, GrievanceAction.REJECT_RESOLUTION, citizen, feedback.reason(),
                r -> r.answered(null).placedWith(r.departmentCode(), null, r.officerId(), level,
                        lifecycle.escalatedDeadline(now)), now);
    }
}
