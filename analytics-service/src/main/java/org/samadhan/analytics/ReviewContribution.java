package org.samadhan.analytics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What one grievance adds to the review's rollups, from its events and what {@link GrievanceFold} derived for them:
 * per IST day and charged official the counts a period's flows sum; the days of its first assignment and first
 * transfer (whether routing was right first time depends on the period's end); its timed intervals per day, for the
 * medians; and, while it is open, its current state. The rollups hold the sum of every grievance's contribution,
 * kept so by adding after minus before whenever a grievance is folded again ({@link RollupDelta}).
 */
public record ReviewContribution(Map<DayKey, long[]> days, Map<TransferKey, Long> transfers,
                                 Map<Cell, List<Double>> durations, Open open) {

    public static final ReviewContribution NONE = new ReviewContribution(Map.of(), Map.of(), Map.of(), null);

    /** The counts summed per day, in the rollup's column order. */
    public enum Measure {
        RECEIVED, ASSIGNED, ESCALATED, ESCALATED_TO_LEVEL2, ESCALATED_TO_LEVEL3, REOPENED, DISPUTED, TRANSFERRED,
        RESOLVED, RESOLVED_ON_TIME, CLOSED_VERIFIED, CLOSED_UNVERIFIED, RATED, RATING_SUM, ACKNOWLEDGED,
        ACKNOWLEDGED_WITHIN_A_DAY, FIRST_RESOLUTIONS;

        public String column() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The timed intervals: first ASSIGN to first ACKNOWLEDGE, REGISTER to first RESOLVE, REGISTER to a closure. */
    public enum Kind { ACKNOWLEDGE, RESOLVE, CLOSE }

    /** Whom a figure counts for; "" where nobody (not routed yet), as the rollups' keys cannot be null. */
    public record Whom(String district, String department, String block, String officer) {
        static Whom of(String district, String department, String block, String officer) {
            return new Whom(district, orNone(department), orNone(block), orNone(officer));
        }
    }

    public record DayKey(LocalDate day, Whom whom) {
    }

    /** A grievance first assigned on {@code assignDay} (charged as that assignment) and first transferred later. */
    public record TransferKey(LocalDate assignDay, LocalDate transferDay, Whom whom) {
    }

    /** The durations of one kind that ended on one day, charged to one official. */
    public record Cell(LocalDate day, Whom whom, Kind kind) {
    }

    /** An open grievance's latest state: who holds it, at which level ("unrouted" if none) and its deadline. */
    public record Open(Whom holder, String levelKey, String status, boolean owing, Instant dueAt,
                       Instant registeredAt) {

        public OpenKey key() {
            return new OpenKey(holder, levelKey, status);
        }
    }

    public record OpenKey(Whom holder, String levelKey, String status) {
    }

    /** The level key of grievances nobody holds yet. */
    public static final String UNROUTED = "unrouted";

    private static final Set<String> CLOSED = Set.of("CLOSED_VERIFIED", "CLOSED_UNVERIFIED");
    /** The states in which an official owes action, so a deadline can pass (grievance-service escalates these). */
    public static final Set<String> OWING = Set.of("ASSIGNED", "IN_PROGRESS", "REOPENED");

    /** The contribution of one grievance of {@code district}: its events in version order with their derivations. */
    public static ReviewContribution of(String district, List<GrievanceFold.Event> events,
                                        List<GrievanceFold.Derived> derived) {
        if (events.isEmpty()) {
            return NONE;
        }
        Map<DayKey, long[]> days = new HashMap<>();
        Map<TransferKey, Long> transfers = new HashMap<>();
        Map<Cell, List<Double>> durations = new HashMap<>();
        boolean disputedBefore = false;
        for (int i = 0; i < events.size(); i++) {
            GrievanceFold.Event e = events.get(i);
            GrievanceFold.Derived d = derived.get(i);
            LocalDate day = day(e.occurredAt());
            Whom whom = Whom.of(district, d.chargedDepartment(), d.chargedBlock(), d.chargedOfficer());
            long[] counts = days.computeIfAbsent(new DayKey(day, whom), k -> new long[Measure.values().length]);
            switch (e.action()) {
                case "REGISTER" -> add(counts, Measure.RECEIVED, 1);
                case "ASSIGN" -> {
                    if (d.firstOfAction()) {
                        add(counts, Measure.ASSIGNED, 1);
                        if (d.firstTransferredAt() != null) {
                            transfers.merge(new TransferKey(day, day(d.firstTransferredAt()), whom), 1L, Long::sum);
                        }
                    }
                }
                case "ESCALATE" -> {
                    add(counts, Measure.ESCALATED, 1);
                    if (e.level() != null && e.level() == 2) {
                        add(counts, Measure.ESCALATED_TO_LEVEL2, 1);
                    } else if (e.level() != null && e.level() == 3) {
                        add(counts, Measure.ESCALATED_TO_LEVEL3, 1);
                    }
                }
                case "REJECT_RESOLUTION" -> {
                    add(counts, Measure.REOPENED, 1);
                    // Marked disputed once; later rejections of a disputed grievance do not mark it again.
                    if (e.disputed() && !disputedBefore) {
                        add(counts, Measure.DISPUTED, 1);
                        disputedBefore = true;
                    }
                }
                case "TRANSFER" -> add(counts, Measure.TRANSFERRED, 1);
                case "RESOLVE" -> {
                    add(counts, Measure.RESOLVED, 1);
                    if (Boolean.TRUE.equals(d.onTime())) {
                        add(counts, Measure.RESOLVED_ON_TIME, 1);
                    }
                    if (d.firstOfAction()) {
                        add(counts, Measure.FIRST_RESOLUTIONS, 1);
                        timed(durations, day, whom, Kind.RESOLVE, d.registeredAt(), e.occurredAt());
                    }
                }
                case "CONFIRM_RESOLVED" -> {
                    add(counts, Measure.CLOSED_VERIFIED, 1);
                    if (e.rating() != null) {
                        add(counts, Measure.RATED, 1);
                        add(counts, Measure.RATING_SUM, e.rating());
                    }
                    timed(durations, day, whom, Kind.CLOSE, d.registeredAt(), e.occurredAt());
                }
                case "EXPIRE_FEEDBACK" -> {
                    add(counts, Measure.CLOSED_UNVERIFIED, 1);
                    timed(durations, day, whom, Kind.CLOSE, d.registeredAt(), e.occurredAt());
                }
                case "ACKNOWLEDGE" -> {
                    if (d.firstOfAction()) {
                        add(counts, Measure.ACKNOWLEDGED, 1);
                        Instant assigned = d.firstAssignedAt();
                        if (assigned != null) {
                            if (!e.occurredAt().isAfter(assigned.plus(Duration.ofDays(1)))) {
                                add(counts, Measure.ACKNOWLEDGED_WITHIN_A_DAY, 1);
                            }
                            timed(durations, day, whom, Kind.ACKNOWLEDGE, assigned, e.occurredAt());
                        }
                    }
                }
                default -> { }
            }
        }
        days.values().removeIf(ReviewContribution::allZero);
        return new ReviewContribution(days, transfers, durations, open(district, events.get(events.size() - 1),
                derived.get(derived.size() - 1)));
    }

    /** The IST day an instant falls on: the review's periods are whole IST days. */
    public static LocalDate day(Instant instant) {
        return instant.atZone(Period.IST).toLocalDate();
    }

    private static Open open(String district, GrievanceFold.Event latest, GrievanceFold.Derived derived) {
        if (CLOSED.contains(latest.toStatus())) {
            return null;
        }
        String level = latest.toStatus().equals("REGISTERED") || latest.level() == null ? UNROUTED
                : latest.level().toString();
        return new Open(Whom.of(district, latest.department(), latest.block(), latest.officerId()), level,
                latest.toStatus(), OWING.contains(latest.toStatus()), latest.dueAt(), derived.registeredAt());
    }

    private static void timed(Map<Cell, List<Double>> durations, LocalDate day, Whom whom, Kind kind,
                              Instant start, Instant end) {
        durations.computeIfAbsent(new Cell(day, whom, kind), k -> new ArrayList<>())
                .add(Duration.between(start, end).toNanos() / 1e9);
    }

    private static void add(long[] counts, Measure measure, long n) {
        counts[measure.ordinal()] += n;
    }

    public static boolean allZero(long[] counts) {
        for (long n : counts) {
            if (n != 0) {
                return false;
            }
        }
        return true;
    }

    private static String orNone(String value) {
        return value == null ? "" : value;
    }
}
