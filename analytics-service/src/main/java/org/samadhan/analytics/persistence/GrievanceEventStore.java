package org.samadhan.analytics.persistence;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.samadhan.analytics.GrievanceFold;
import org.samadhan.contracts.grievance.GrievanceEvent;

/**
 * The projected grievance events (table {@code grievance_event}): inserted once, then their derived columns kept in
 * step with {@link GrievanceFold}. Each step is one statement for a whole batch (arrays unnested by PostgreSQL), so a
 * rebuild replays the history at thousands of events a second.
 */
public final class GrievanceEventStore {

    /** One stored event with what the fold last derived for it. */
    public record Stored(UUID grievanceId, String district, GrievanceFold.Event event, GrievanceFold.Derived derived) {
    }

    private static final String COLUMNS = """
            select grievance_id, version, action, occurred_at, department_code, block, officer_id,
                previous_officer_id, due_at, registered_at, first_assigned_at, first_transferred_at,
                first_of_action, charged_department, charged_block, charged_officer, on_time, valid_to,
                to_status, level, rating, disputed, district_code
            from grievance_event""";

    private GrievanceEventStore() {
    }

    /** Inserts the events not stored yet (by grievance and version, or event id); returns those it inserted. */
    public static List<GrievanceEvent> insertNew(Connection c, List<GrievanceEvent> events) throws SQLException {
        Map<String, GrievanceEvent> byKey = new LinkedHashMap<>();
        for (GrievanceEvent e : events) {
            byKey.putIfAbsent(e.grievanceId() + "/" + e.version(), e);
        }
        List<GrievanceEvent> unique = new ArrayList<>(byKey.values());
        int n = unique.size();
        Object[][] columns = new Object[16][n];
        for (int i = 0; i < n; i++) {
            GrievanceEvent e = unique.get(i);
            columns[0][i] = UUID.fromString(e.grievanceId());
            columns[1][i] = (int) e.version();
            columns[2][i] = UUID.fromString(e.eventId());
            columns[3][i] = e.districtCode();
            columns[4][i] = e.action();
            columns[5][i] = e.occurredAt().toString();
            columns[6][i] = e.toStatus();
            columns[7][i] = e.departmentCode();
            columns[8][i] = e.block();
            columns[9][i] = e.officerId();
            columns[10][i] = e.previousOfficerId();
            columns[11][i] = e.level();
            columns[12][i] = text(e.dueAt());
            columns[13][i] = e.rating();
            columns[14][i] = e.citizenRef();
            columns[15][i] = Boolean.TRUE.equals(e.disputed());
        }
        String[] types = {"uuid", "int4", "uuid", "text", "text", "timestamptz", "text", "text", "text", "text", "text",
            "int4", "timestamptz", "int4", "text", "bool"};
        // Placeholder derived values; the fold sets them in the same transaction.
        try (PreparedStatement insert = c.prepareStatement("""
                insert into grievance_event (grievance_id, version, event_id, district_code, action, occurred_at,
                    to_status, department_code, block, officer_id, previous_officer_id, level, due_at, rating,
                    citizen_ref, disputed, registered_at, first_of_action)
                select u.*, u.occurred_at, false from unnest(?::uuid[], ?::int4[], ?::uuid[], ?::text[], ?::text[],
                    ?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int4[],
                    ?::timestamptz[], ?::int4[], ?::text[], ?::bool[])
                    as u(grievance_id, version, event_id, district_code, action, occurred_at, to_status,
                    department_code, block, officer_id, previous_officer_id, level, due_at, rating, citizen_ref,
                    disputed)
                on conflict do nothing
                returning grievance_id, version""")) {
            for (int col = 0; col < columns.length; col++) {
                insert.setArray(col + 1, c.createArrayOf(types[col], columns[col]));
            }
            Map<String, GrievanceEvent> inserted = new LinkedHashMap<>();
            try (ResultSet r = insert.executeQuery()) {
                while (r.next()) {
                    String key = r.getObject(1) + "/" + r.getInt(2);
                    inserted.put(key, byKey.get(key));
                }
            }
            return new ArrayList<>(inserted.values());
        }
    }

    /**
     * Makes the caller's transaction the only one projecting these grievances until it ends: a grievance's events
     * are folded over what the others committed, never beside them (the live consumers and a rebuild can meet).
     */
    public static void lock(Connection c, List<UUID> grievances) throws SQLException {
        long[] keys = grievances.stream().mapToLong(g -> g.getMostSignificantBits() ^ g.getLeastSignificantBits())
                .sorted().distinct().toArray();
        try (PreparedStatement s = c.prepareStatement(
                "select pg_advisory_xact_lock(k) from (select k from unnest(?::int8[]) k order by k) keys")) {
            s.setArray(1, c.createArrayOf("int8", java.util.Arrays.stream(keys).boxed().toArray()));
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    // each row is one lock taken, in key order
                }
            }
        }
    }

    /** Every stored event of these grievances, each grievance's in version order. */
    public static Map<UUID, List<Stored>> load(Connection c, List<UUID> grievances) throws SQLException {
        Map<UUID, List<Stored>> byGrievance = new LinkedHashMap<>();
        try (PreparedStatement select = c.prepareStatement(COLUMNS
                + " where grievance_id = any(?) order by grievance_id, version")) {
            select.setArray(1, c.createArrayOf("uuid", grievances.toArray()));
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    Stored stored = stored(r);
                    byGrievance.computeIfAbsent(stored.grievanceId(), k -> new ArrayList<>()).add(stored);
                }
            }
        }
        return byGrievance;
    }

    /**
     * Hands every grievance's stored events, in version order, to {@code each}, reading the table in chunks (the
     * caller's transaction must not be in auto-commit, so that PostgreSQL streams rather than loads it all).
     */
    public static void forEachGrievance(Connection c, HistoryHandler each) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(COLUMNS + " order by grievance_id, version")) {
            select.setFetchSize(10_000);
            try (ResultSet r = select.executeQuery()) {
                List<Stored> history = new ArrayList<>();
                while (r.next()) {
                    Stored stored = stored(r);
                    if (!history.isEmpty() && !history.get(0).grievanceId().equals(stored.grievanceId())) {
                        each.accept(history);
                        history = new ArrayList<>();
                    }
                    history.add(stored);
                }
                if (!history.isEmpty()) {
                    each.accept(history);
                }
            }
        }
    }

    /** Receives one grievance's stored events. */
    @FunctionalInterface
    public interface HistoryHandler {
        void accept(List<Stored> history) throws SQLException;
    }

    private static Stored stored(ResultSet r) throws SQLException {
        UUID id = r.getObject(1, UUID.class);
        var event = new GrievanceFold.Event(r.getInt(2), r.getString(3), instant(r, 4), r.getString(5),
                r.getString(6), r.getString(7), r.getString(8), instant(r, 9), r.getString(19),
                (Integer) r.getObject(20), (Integer) r.getObject(21), r.getBoolean(22));
        var derived = new GrievanceFold.Derived(instant(r, 10), instant(r, 11), instant(r, 12),
                r.getBoolean(13), r.getString(14), r.getString(15), r.getString(16),
                (Boolean) r.getObject(17), instant(r, 18));
        return new Stored(id, r.getString(23), event, derived);
    }

    /** Writes changed derived columns, all in one statement. */
    public static void update(Connection c, List<Stored> changed) throws SQLException {
        if (changed.isEmpty()) {
            return;
        }
        int n = changed.size();
        Object[][] columns = new Object[11][n];
        for (int i = 0; i < n; i++) {
            Stored s = changed.get(i);
            GrievanceFold.Derived d = s.derived();
            columns[0][i] = s.grievanceId();
            columns[1][i] = s.event().version();
            columns[2][i] = text(d.registeredAt());
            columns[3][i] = text(d.firstAssignedAt());
            columns[4][i] = text(d.firstTransferredAt());
            columns[5][i] = d.firstOfAction();
            columns[6][i] = d.chargedDepartment();
            columns[7][i] = d.chargedBlock();
            columns[8][i] = d.chargedOfficer();
            columns[9][i] = d.onTime();
            columns[10][i] = text(d.validTo());
        }
        String[] types = {"uuid", "int4", "timestamptz", "timestamptz", "timestamptz", "bool", "text", "text", "text",
            "bool", "timestamptz"};
        try (PreparedStatement update = c.prepareStatement("""
                update grievance_event g set registered_at = u.registered_at,
                    first_assigned_at = u.first_assigned_at, first_transferred_at = u.first_transferred_at,
                    first_of_action = u.first_of_action, charged_department = u.charged_department,
                    charged_block = u.charged_block, charged_officer = u.charged_officer, on_time = u.on_time,
                    valid_to = u.valid_to
                from unnest(?::uuid[], ?::int4[], ?::timestamptz[], ?::timestamptz[], ?::timestamptz[], ?::bool[],
                    ?::text[], ?::text[], ?::text[], ?::bool[], ?::timestamptz[])
                    as u(grievance_id, version, registered_at, first_assigned_at, first_transferred_at,
                    first_of_action, charged_department, charged_block, charged_officer, on_time, valid_to)
                where g.grievance_id = u.grievance_id and g.version = u.version""")) {
            for (int col = 0; col < columns.length; col++) {
                update.setArray(col + 1, c.createArrayOf(types[col], columns[col]));
            }
            update.executeUpdate();
        }
    }

    /** Instants travel as ISO text with their offset, never in the JVM's or the session's zone. */
    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        Timestamp t = r.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
