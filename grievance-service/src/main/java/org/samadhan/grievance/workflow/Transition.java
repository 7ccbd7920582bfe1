package org.samadhan.grievance.workflow;

import java.util.Set;

/**
 * One row of the workflow: an action, the states it may be taken from, who may take it, and the state it leads to
 * ({@code to} equal to the current state for actions that record without moving, such as notes and reminders).
 * {@code holdersOnly} actions are open only to officials at or above the grievance's current level, so that once
 * it has moved up the ladder, those below keep a read-only view (and may add notes) but can no longer act on it.
 */
public record Transition(GrievanceAction action, Set<GrievanceStatus> from, Set<Role> roles, GrievanceStatus to,
                         boolean holdersOnly) {

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

    /** Whether {@code role} stands high enough on the ladder for this action on a grievance at {@code level}. */
    public boolean openAtLevel(Role role, int level) {
        return !holdersOnly || role.level() >= level;
    }
}
