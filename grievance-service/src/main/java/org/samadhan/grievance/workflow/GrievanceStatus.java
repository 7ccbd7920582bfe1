package org.samadhan.grievance.workflow;

/** Where a grievance stands. Only the citizen's answer (or its absence) ends a resolved grievance. */
public enum GrievanceStatus {
    /** Received from the citizen, not yet placed with a department. */
    REGISTERED,
    /** With a department and officer (possibly the district cell), waiting for them to act. */
    ASSIGNED,
    /** The officer acknowledged it and is working on it. */
    IN_PROGRESS,
    /** The officer reported it done with an action-taken note; waiting for the citizen to confirm. */
    RESOLVED,
    /** The citizen was not satisfied: back with a higher level. */
    REOPENED,
    /** The citizen confirmed it was fixed. The only closure counted as resolved. */
    CLOSED_VERIFIED,
    /** The citizen did not answer in time; counted apart from verified closures. */
    CLOSED_UNVERIFIED;

    public boolean isClosed() {
        return this == CLOSED_VERIFIED || this == CLOSED_UNVERIFIED;
    }
}
