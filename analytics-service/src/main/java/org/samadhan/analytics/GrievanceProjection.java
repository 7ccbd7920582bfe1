package org.samadhan.analytics;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.samadhan.analytics.persistence.GrievanceEventStore;
import org.samadhan.analytics.persistence.GrievanceEventStore.Stored;
import org.samadhan.contracts.grievance.GrievanceEvent;

/**
 * Projects grievance events into the review's table: each event once, then each touched grievance folded again over
 * all its events known so far, so duplicates change nothing and late events correct what came after them.
 */
@ApplicationScoped
public class GrievanceProjection {

    /** An event stored for the first time, with whether it was a resolution on time (null if not a resolution). */
    public record Projected(GrievanceEvent event, String chargedDepartment, Boolean onTime) {
    }

    /** Stores and folds the events on the caller's transaction; returns those new to the projection. */
    public List<Projected> project(Connection c, List<GrievanceEvent> events) throws SQLException {
        events.forEach(GrievanceProjection::requireComplete);
        List<GrievanceEvent> inserted = GrievanceEventStore.insertNew(c, events);
        if (inserted.isEmpty()) {
            return List.of();
        }
        Set<UUID> touched = new LinkedHashSet<>();
        inserted.forEach(e -> touched.add(UUID.fromString(e.grievanceId())));
        Map<UUID, List<Stored>> stored = GrievanceEventStore.load(c, new ArrayList<>(touched));
        List<Stored> changed = new ArrayList<>();
        Map<String, Stored> refolded = new java.util.HashMap<>();
        for (List<Stored> history : stored.values()) {
            List<GrievanceFold.Derived> derived = GrievanceFold.fold(history.stream().map(Stored::event).toList());
            for (int i = 0; i < history.size(); i++) {
                Stored now = new Stored(history.get(i).grievanceId(), history.get(i).event(), derived.get(i));
                refolded.put(now.grievanceId() + "/" + now.event().version(), now);
                if (!derived.get(i).equals(history.get(i).derived())) {
                    changed.add(now);
                }
            }
        }
        GrievanceEventStore.update(c, changed);
        List<Projected> projected = new ArrayList<>(inserted.size());
        for (GrievanceEvent e : inserted) {
            Stored s = refolded.get(e.grievanceId() + "/" + e.version());
            projected.add(new Projected(e, s.derived().chargedDepartment(), s.derived().onTime()));
        }
        return projected;
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
