package org.samadhan.portal.web;

import java.time.Duration;
import java.time.Instant;

/**
 * A grievance's countdown to its own deadline: on time, due soon (within 12 hours: amber), overdue (red), or none
 * (closed, or awaiting the citizen). Minutes are rounded down: "5 min left" never means "already late".
 */
public record Due(State state, long days, long hours, long minutes) {

    /** Within this much of the deadline the countdown turns amber. */
    static final Duration SOON = Duration.ofHours(12);

    public enum State {
        NONE, ON_TIME, SOON, OVERDUE;

        /** The CSS class: amber for soon, red for overdue. */
        public String css() {
            return name().toLowerCase().replace('_', '-');
        }
    }

    /** The countdown at {@code now}; {@code open} is false for grievances no longer running against a deadline. */
    public static Due of(Instant dueAt, boolean open, Instant now) {
        if (dueAt == null || !open) {
            return new Due(State.NONE, 0, 0, 0);
        }
        Duration left = Duration.between(now, dueAt);
        State state = left.isNegative() || left.isZero() ? State.OVERDUE
                : left.compareTo(SOON) <= 0 ? State.SOON : State.ON_TIME;
        Duration span = left.abs();
        return new Due(state, span.toDays(), span.toHoursPart(), span.toMinutesPart());
    }

    public boolean overdue() {
        return state == State.OVERDUE;
    }

    public boolean none() {
        return state == State.NONE;
    }
}
