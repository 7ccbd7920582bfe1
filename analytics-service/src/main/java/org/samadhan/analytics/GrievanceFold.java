package org.samadhan.analytics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Derives, from one grievance's events in version order, what the figures need of each event: whom it is charged to,
 * whether it is the first of its kind, whether a resolution met the deadline in force just before it, and until when
 * its state held. A pure function of the events known so far, so any arrival order ends in the same rows.
 */
public final class GrievanceFold {

    /** The stored facts of one event, as published. */
    public record Event(int version, String action, Instant occurredAt, String department, String block,
                        String officerId, String previousOfficerId, Instant dueAt, String toStatus, Integer level,
                        Integer rating, boolean disputed) {
    }

    /** What the fold adds to one event. */
    public record Derived(Instant registeredAt, Instant firstAssignedAt, Instant firstTransferredAt,
                          boolean firstOfAction, String chargedDepartment, String chargedBlock,
                          String chargedOfficer, Boolean onTime, Instant validTo) {
    }

    private GrievanceFold() {
    }

    /** One {@link Derived} per event, in the same order; {@code events} are sorted by version. */
    public static List<Derived> fold(List<Event> events) {
        Event register = first(events, "REGISTER");
        Event assign = first(events, "ASSIGN");
        Event transfer = first(events, "TRANSFER");
        Instant registeredAt = register != null ? register.occurredAt() : events.get(0).occurredAt();
        Set<String> seen = new HashSet<>();
        List<Derived> derived = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            Event before = i > 0 ? events.get(i - 1) : null;
            Event after = i + 1 < events.size() ? events.get(i + 1) : null;
            derived.add(new Derived(registeredAt, assign == null ? null : assign.occurredAt(),
                    transfer == null ? null : transfer.occurredAt(), seen.add(e.action()),
                    chargedDepartment(e, before, assign), chargedBlock(e, before, assign),
                    chargedOfficer(e, assign), onTime(e, before), after == null ? null : after.occurredAt()));
        }
        return derived;
    }

    /** A transfer counts against the department that gave it away; a registration for the one first assigned. */
    private static String chargedDepartment(Event e, Event before, Event assign) {
        if (e.action().equals("TRANSFER") && before != null) {
            return before.department();
        }
        if (e.action().equals("REGISTER") && assign != null) {
            return assign.department();
        }
        return e.department();
    }

    private static String chargedBlock(Event e, Event before, Event assign) {
        if (e.action().equals("TRANSFER") && before != null) {
            return before.block();
        }
        if (e.action().equals("REGISTER") && assign != null) {
            return assign.block();
        }
        return e.block();
    }

    /** Escalations, rejections, transfers and reassignments count against the official it was taken from. */
    private static String chargedOfficer(Event e, Event assign) {
        if (e.previousOfficerId() != null) {
            return e.previousOfficerId();
        }
        if (e.action().equals("REGISTER") && assign != null) {
            return assign.officerId();
        }
        return e.officerId();
    }

    /** A resolution is on time when made on or before the grievance's own deadline in force just before it. */
    private static Boolean onTime(Event e, Event before) {
        if (!e.action().equals("RESOLVE")) {
            return null;
        }
        Instant deadline = before != null && before.dueAt() != null ? before.dueAt() : e.dueAt();
        return deadline == null || !e.occurredAt().isAfter(deadline);
    }

    private static Event first(List<Event> events, String action) {
        return events.stream().filter(e -> Objects.equals(e.action(), action)).findFirst().orElse(null);
    }
}
