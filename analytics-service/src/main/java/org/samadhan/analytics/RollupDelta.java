package org.samadhan.analytics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.samadhan.analytics.ReviewContribution.DayKey;
import org.samadhan.analytics.ReviewContribution.Open;
import org.samadhan.analytics.ReviewContribution.OpenKey;
import org.samadhan.analytics.ReviewContribution.Cell;
import org.samadhan.analytics.ReviewContribution.TransferKey;

/**
 * The change a batch makes to the rollups: for each grievance folded again, its contribution after minus before,
 * summed over the batch so that each rollup row is written once.
 */
public final class RollupDelta {

    /** Durations leaving a cell and durations entering it. */
    public record Change(List<Double> removed, List<Double> added) {
    }

    private final Map<DayKey, long[]> days = new HashMap<>();
    private final Map<TransferKey, Long> transfers = new HashMap<>();
    private final Map<OpenKey, Long> openCounts = new HashMap<>();
    private final Map<Cell, Change> durations = new HashMap<>();
    /** Open grievances' latest states to write; a null value deletes the row (the grievance closed). */
    private final Map<UUID, Open> open = new HashMap<>();

    public void add(UUID grievance, ReviewContribution before, ReviewContribution after) {
        before.days().forEach((key, counts) -> merge(key, counts, -1));
        after.days().forEach((key, counts) -> merge(key, counts, 1));
        before.transfers().forEach((key, n) -> transfers.merge(key, -n, Long::sum));
        after.transfers().forEach((key, n) -> transfers.merge(key, n, Long::sum));
        Set<Cell> cells = new HashSet<>(before.durations().keySet());
        cells.addAll(after.durations().keySet());
        for (Cell cell : cells) {
            List<Double> was = before.durations().getOrDefault(cell, List.of());
            List<Double> now = after.durations().getOrDefault(cell, List.of());
            if (!was.equals(now)) {
                Change change = durations.computeIfAbsent(cell, k -> new Change(new ArrayList<>(), new ArrayList<>()));
                change.removed().addAll(was);
                change.added().addAll(now);
            }
        }
        if (!Objects.equals(before.open(), after.open())) {
            if (before.open() != null) {
                openCounts.merge(before.open().key(), -1L, Long::sum);
            }
            if (after.open() != null) {
                openCounts.merge(after.open().key(), 1L, Long::sum);
            }
            open.put(grievance, after.open());
        }
    }

    public Map<DayKey, long[]> days() {
        days.values().removeIf(ReviewContribution::allZero);
        return days;
    }

    public Map<TransferKey, Long> transfers() {
        transfers.values().removeIf(n -> n == 0);
        return transfers;
    }

    public Map<OpenKey, Long> openCounts() {
        openCounts.values().removeIf(n -> n == 0);
        return openCounts;
    }

    public Map<Cell, Change> durations() {
        return durations;
    }

    public Map<UUID, Open> open() {
        return open;
    }

    private void merge(DayKey key, long[] counts, int sign) {
        long[] sum = days.computeIfAbsent(key, k -> new long[counts.length]);
        for (int i = 0; i < counts.length; i++) {
            sum[i] += sign * counts[i];
        }
    }
}
