package org.samadhan.grievance;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import org.samadhan.contracts.directory.DistrictDirectory;
import org.samadhan.contracts.grievance.GrievanceCommand;
import org.samadhan.contracts.grievance.GrievanceEvent;
import org.samadhan.grievance.persistence.GrievanceRow;
import org.samadhan.grievance.workflow.GrievanceAction;
import org.samadhan.grievance.workflow.Role;
import org.samadhan.grievance.workflow.TransitionRefused;

/**
 * The citizen's answer to "was it fixed?": satisfied closes the grievance as verified (with an optional rating);
 * not satisfied reopens it with the official one level above where it was (the directory's ladder), with a fresh
 * deadline for that level and the citizen's reason on record, so a second "not satisfied" after a level-1 resolution
 * reaches the collector. Not satisfied with the collector's own resolution keeps it with the collector, disputed.
 */
@ApplicationScoped
public class CitizenFeedback {

    private final GrievanceLifecycle lifecycle;
    private final Ladders ladders;

    public CitizenFeedback(GrievanceLifecycle lifecycle, Ladders ladders) {
        this.lifecycle = lifecycle;
        this.ladders = ladders;
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
        boolean atTop = row.level() >= DistrictDirectory.LEVELS;
        Ladders.Placement above = ladders.above(c, row, now);
        return lifecycle.apply(c, row, GrievanceAction.REJECT_RESOLUTION, citizen, feedback.reason(), r -> {
            GrievanceRow reopened = r.answered(null).placedWith(r.departmentCode(), null, above.officerId(),
                    above.level(), above.dueAt());
            return atTop ? reopened.disputedNow() : reopened;
        }, now);
    }
}
