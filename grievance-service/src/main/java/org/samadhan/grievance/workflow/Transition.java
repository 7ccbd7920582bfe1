package org.samadhan.grievance.workflow;

import java.util.Set;

/**
 * One row of the workflow: an action, the states it may be taken from, who may take it, and the state it leads to
 * ({@code to} equal to the current state for actions that record without moving, such as notes and reminders).
 */
public record Transition(GrievanceAction action, Set<GrievanceStatus> from, Set<Role> roles, GrievanceStatus to) {

    /** Marks a row whose action keeps the grievance in the state it was in. */
    public static final GrievanceStatus UNCHANGED = null;

    public Transition {
        from = Set.copyOf(from);
        roles = Set.copyOf(roles);
    }

    /** The state after taking this action from {@code current}. */
    public GrievanceStatus next(GrievanceStatus current) {
        return to == UNCHANGED ? current : to;
    }
}
