package org.samadhan.analytics;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.samadhan.analytics.persistence.GrievanceEventStore;
import org.samadhan.analytics.persistence.GrievanceEventStore.Stored;
import org.samadhan.analytics.persistence.RollupStore;
import org.samadhan.contracts.grievance.GrievanceEvent;

/**
 * Projects grievance events into the review's tables: each event once, then each touched grievance folded again over
 * all its events known so far, so duplicates change nothing and late events correct what came after them; the
 * rollups change by what the grievance contributes after the fold minus what it contributed before.
 */
@ApplicationScoped
public class GrievanceProjection {

    /** An event stored for the first time, with whether it was a resolution on time (null if not a resolution). */
    public record Projected(GrievanceEvent event, String chargedDepartment, Boolean onTime) {
    }

    /** Stores and folds the events on the caller's transaction; returns those new to the projection. */
    public List<Projected> project(Connection c, List<GrievanceEvent> events) throws SQLException {
        events.forEach(GrievanceProjection::requireComplete);
        Set<UUID> touched = new LinkedHashSet<>();
        events.forEach(e -> touched.add(UUID.fromString(e.grievanceId())));
        GrievanceEventStore.lock(c, new ArrayList<>(touched));
        List<GrievanceEvent> inserted = GrievanceEventStore.insertNew(c, events);
        if (inserted.isEmpty()) {
            return List.of();
        }
        Map<UUID, Set<Integer>> newVersions = new HashMap<>();
        inserted.forEach(e -> newVersions.computeIfAbsent(UUID.fromString(e.grievanceId()), k -> new HashSet<>())
                .add((int) e.version()));
        Map<UUID, List<Stored>> stored = GrievanceEventStore.load(c, new ArrayList<>(newVersions.keySet()));
        List<Stored> changed = new ArrayList<>();
        Map<String, Stored> refolded = new HashMap<>();
        RollupDelta delta = new RollupDelta();
        for (Map.Entry<UUID, List<Stored>> entry : stored.entrySet()) {
            List<Stored> history = entry.getValue();
            List<GrievanceFold.Event> all = history.stream().map(Stored::event).toList();
            List<GrievanceFold.Derived> derived = GrievanceFold.fold(all);
            for (int i = 0; i < history.size(); i++) {
                Stored was = history.get(i);
                Stored now = new Stored(was.grievanceId(), was.district(), was.event(), derived.get(i));
                refolded.put(now.grievanceId() + "/" + now.event().version(), now);
                if (!derived.get(i).equals(was.derived())) {
                    changed.add(now);
                }
            }
            // Before: the events stored earlier, as folded then (the new ones hold placeholders until updated).
            Set<Integer> fresh = newVersions.get(entry.getKey());
            List<Stored> earlier = history.stream().filter(s -> !fresh.contains(s.event().version())).toList();
            String district = history.get(0).district();
            delta.add(entry.getKey(), ReviewContribution.of(district, earlier.stream().map(Stored::event).toList(),
                    earlier.stream().map(Stored::derived).toList()), ReviewContribution.of(district, all, derived));
        }
        GrievanceEventStore.update(c, changed);
        RollupStore.apply(c, delta);
        List<Projected> projected = new ArrayList<>(inserted.size());
        for (GrievanceEvent e : inserted) {
            Stored s = refolded.get(e.grievanceId() + "/" + e.version());
            projected.add(new Projected(e, s.derived().chargedDepartment(), s.derived().onTime()));
        }
        return projected;
    }

    /**
     * Rolls up the projection as it stands, for a database whose rollups are empty although it holds events (one
     * projected before the rollups existed): every grievance's contribution from its stored derivations.
     */
    public long backfill(Connection c) throws SQLException {
        long[] grievances = {0};
        // One delta for the whole projection (about 200 MB at 1,000,000 grievances): every rollup row written once.
        RollupDelta delta = new RollupDelta();
        GrievanceEventStore.forEachGrievance(c, history -> {
            delta.add(history.get(0).grievanceId(), ReviewContribution.NONE, ReviewContribution.of(
                    history.get(0).district(), history.stream().map(Stored::event).toList(),
                    history.stream().map(Stored::derived).toList()));
            grievances[0]++;
        });
        RollupStore.apply(c, delta);
        return grievances[0];
    }

    private static void requireComplete(GrievanceEvent e) {
        if (e.eventId() == null || e.grievanceId() == null || e.version() < 1 || e.action() == null
                || e.occurredAt() == null || e.districtCode() == null || e.toStatus() == null) {
            throw new IllegalArgumentException(
                    "grievance event lacks eventId, grievanceId, version, action, occurredAt, districtCode or toStatus");
        }
        try {
            UUID.fromString(e.eventId());
            UUID.fromString(e.grievanceId());
        } catch (IllegalArgumentException bad) {
            throw new IllegalArgumentException("grievance event's eventId and grievanceId must be UUIDs");
        }
    }
}
