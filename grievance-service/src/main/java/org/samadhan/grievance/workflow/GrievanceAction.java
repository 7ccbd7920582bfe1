package org.samadhan.grievance.workflow;

/** Everything that can happen to a grievance. Each accepted action is recorded and emits exactly one event. */
public enum GrievanceAction {
    /** Routing placed it with a department and officer. */
    ASSIGN,
    /** The assignee saw it and starts work. */
    ACKNOWLEDGE,
    /** An internal note; it never moves the deadline. */
    ADD_NOTE,
    /** Done, with an action-taken note; the citizen is asked to confirm. */
    RESOLVE,
    /** Belongs to another department: handed over with a reason, never dismissed. */
    TRANSFER,
    /** Another officer of the same department takes it. */
    REASSIGN,
    /** The deadline is near: the assignee is reminded. */
    REMIND,
    /** The deadline passed: it moves one level up (officer, department head, collector). */
    ESCALATE,
    /** The citizen confirms the fix. */
    CONFIRM_RESOLVED,
    /** The citizen says it was not fixed: reopened one level above where it was. */
    REJECT_RESOLUTION,
    /** The citizen did not answer within the feedback window. */
    EXPIRE_FEEDBACK
}
