package org.samadhan.grievance.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.samadhan.contracts.Json;
import org.samadhan.contracts.grievance.GrievanceCommand;
import org.samadhan.grievance.workflow.GrievanceStatus;

/** SQL for grievances, their history, processed commands and numbers; always on the caller's transaction. */
public final class GrievanceStore {

    private GrievanceStore() {
    }

    /** Records a command id; false when it was processed before (a redelivery), so nothing must change. */
    public static boolean markProcessed(Connection c, String commandId) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "insert into processed_command (command_id) values (?) on conflict do nothing")) {
            insert.setString(1, commandId);
            return insert.executeUpdate() == 1;
        }
    }

    /** The next human-readable number for the district and year, e.g. BLD-2026-000123. */
    public static String nextNumber(Connection c, String district, int year) throws SQLException {
        try (PreparedStatement next = c.prepareStatement("""
                insert into grievance_number_sequence (district_code, year, last_value) values (?, ?, 1)
                on conflict (district_code, year) do update set last_value = grievance_number_sequence.last_value + 1
                returning last_value""")) {
            next.setString(1, district);
            next.setInt(2, year);
            try (ResultSet result = next.executeQuery()) {
                result.next();
                return String.format("%s-%d-%06d", district, year, result.getLong(1));
            }
        }
    }

    /** Inserts a new grievance in REGISTERED; false when one with this id already exists. */
    public static boolean insertRegistered(Connection c, UUID id, String district, String number,
                                           GrievanceCommand.Register r, Instant now) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                insert into grievance (id, district_code, number, status, version, citizen_ref, citizen_wa_id, language,
                    description, category, latitude, longitude, block, village, attachments, created_at, updated_at)
                values (?, ?, ?, 'REGISTERED', 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?)
                on conflict (id) do nothing""")) {
            var location = r.location();
            insert.setObject(1, id);
            insert.setString(2, district);
            insert.setString(3, number);
            insert.setString(4, r.citizenRef());
            insert.setString(5, r.citizenWaId());
            insert.setString(6, r.language());
            insert.setString(7, r.description());
            insert.setString(8, r.category());
            setDouble(insert, 9, location == null ? null : location.latitude());
            setDouble(insert, 10, location == null ? null : location.longitude());
            insert.setString(11, location == null ? null : location.block());
            insert.setString(12, location == null ? null : location.village());
            insert.setString(13, Json.mapper().valueToTree(r.attachments() == null ? java.util.List.of() : r.attachments())
                    .toString());
            insert.setTimestamp(14, Timestamp.from(now));
            insert.setTimestamp(15, Timestamp.from(now));
            return insert.executeUpdate() == 1;
        }
    }

    /**
     * Appends one row to the grievance's history (the table refuses updates and deletes): the step, and where it left
     * the grievance ({@code after}: holder, department, block, level, deadline, disputed), as its event tells it.
     */
    public static void appendHistory(Connection c, GrievanceRow after, String action, String from, String actorId,
                                     String actorRole, String reason, String fromOfficer, String toOfficer, Instant at)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                insert into grievance_history (grievance_id, version, action, from_status, to_status, actor_id,
                    actor_role, reason, occurred_at, from_officer, to_officer, officer_id, department_code, block,
                    level, due_at, disputed)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setObject(1, after.id());
            insert.setLong(2, after.version());
            insert.setString(3, action);
            insert.setString(4, from);
            insert.setString(5, after.status().name());
            insert.setString(6, actorId);
            insert.setString(7, actorRole);
            insert.setString(8, reason);
            insert.setTimestamp(9, Timestamp.from(at));
            insert.setString(10, fromOfficer);
            insert.setString(11, toOfficer);
            insert.setString(12, after.officerId());
            insert.setString(13, after.departmentCode());
            insert.setString(14, after.block());
            insert.setInt(15, after.level());
            insert.setTimestamp(16, timestamp(after.dueAt()));
            insert.setBoolean(17, after.disputed());
            insert.executeUpdate();
        }
    }

    /** Locks the grievance row for this transaction; null when there is no such grievance. */
    public static GrievanceRow lock(Connection c, UUID id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("""
                select district_code, number, status, version, citizen_ref, language, department_code, block,
                       officer_id, level, due_at, reminded_for_due_at, feedback_due_at, resolution_note,
                       resolution_photo, rating, disputed
                from grievance where id = ? for update""")) {
            select.setObject(1, id);
            try (ResultSet r = select.executeQuery()) {
                if (!r.next()) {
                    return null;
                }
                int rating = r.getInt(16);
                return new GrievanceRow(id, r.getString(1), r.getString(2), GrievanceStatus.valueOf(r.getString(3)),
                        r.getLong(4), r.getString(5), r.getString(6), r.getString(7), r.getString(8), r.getString(9),
                        r.getInt(10), instant(r, 11), instant(r, 12), instant(r, 13), r.getString(14),
                        r.getString(15), r.wasNull() ? null : rating, r.getBoolean(17));
            }
        }
    }

    /** Writes a grievance's new state (the version was advanced by the caller). */
    public static void update(Connection c, GrievanceRow row, Instant now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("""
                update grievance set status = ?, version = ?, department_code = ?, block = ?, officer_id = ?,
                    level = ?, due_at = ?, reminded_for_due_at = ?, feedback_due_at = ?, resolution_note = ?,
                    resolution_photo = ?, rating = ?, updated_at = ?, disputed = ?,
                    closed_at = case when ? in ('CLOSED_VERIFIED', 'CLOSED_UNVERIFIED') then cast(? as timestamptz) end
                where id = ?""")) {
            update.setString(1, row.status().name());
            update.setLong(2, row.version());
            update.setString(3, row.departmentCode());
            update.setString(4, row.block());
            update.setString(5, row.officerId());
            update.setInt(6, row.level());
            update.setTimestamp(7, timestamp(row.dueAt()));
            update.setTimestamp(8, timestamp(row.remindedForDueAt()));
            update.setTimestamp(9, timestamp(row.feedbackDueAt()));
            update.setString(10, row.resolutionNote());
            update.setString(11, row.resolutionPhoto());
            update.setObject(12, row.rating(), Types.SMALLINT);
            update.setTimestamp(13, Timestamp.from(now));
            update.setBoolean(14, row.disputed());
            update.setString(15, row.status().name());
            update.setTimestamp(16, Timestamp.from(now));
            update.setObject(17, row.id());
            update.executeUpdate();
        }
    }

    /*
     * The deadline checks below lock what they return for the caller's transaction. Rows another instance holds are
     * skipped, and a row another instance has just changed is re-checked against the condition before it is
     * returned, so two instances never act on the same deadline twice.
     */

    /** Open grievances whose current deadline passed and that have a level above, except {@code skipped}. */
    public static List<UUID> lockOverdue(Connection c, Instant now, int limit, Collection<UUID> skipped)
            throws SQLException {
        return lockIds(c, "status in ('ASSIGNED', 'IN_PROGRESS', 'REOPENED') and due_at <= ? and level < 3", limit,
                skipped, now);
    }

    /** Open grievances due within {@code lead} whose assignee was not yet reminded of this deadline. */
    public static List<UUID> lockToRemind(Connection c, Instant now, Duration lead, int limit,
                                          Collection<UUID> skipped) throws SQLException {
        return lockIds(c, """
                status in ('ASSIGNED', 'IN_PROGRESS', 'REOPENED') and due_at > ? and due_at <= ?
                and reminded_for_due_at is distinct from due_at""", limit, skipped, now, now.plus(lead));
    }

    /** Resolved grievances whose citizen did not answer within the feedback window. */
    public static List<UUID> lockFeedbackExpired(Connection c, Instant now, int limit, Collection<UUID> skipped)
            throws SQLException {
        return lockIds(c, "status = 'RESOLVED' and feedback_due_at <= ?", limit, skipped, now);
    }

    /** Forgets processed command ids older than {@code before}; returns how many. */
    public static int purgeProcessed(Connection c, Instant before) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("delete from processed_command where processed_at < ?")) {
            delete.setTimestamp(1, Timestamp.from(before));
            return delete.executeUpdate();
        }
    }

    private static List<UUID> lockIds(Connection c, String condition, int limit, Collection<UUID> skipped,
                                      Instant... times) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("select id from grievance where " + condition
                + " and not (id = any (?)) limit ? for update skip locked")) {
            for (int i = 0; i < times.length; i++) {
                select.setTimestamp(i + 1, Timestamp.from(times[i]));
            }
            select.setArray(times.length + 1, c.createArrayOf("uuid", skipped.toArray()));
            select.setInt(times.length + 2, limit);
            List<UUID> ids = new ArrayList<>();
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getObject(1, UUID.class));
                }
            }
            return ids;
        }
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        Timestamp value = r.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static void setDouble(PreparedStatement statement, int index, Double value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.DOUBLE);
        } else {
            statement.setDouble(index, value);
        }
    }
}
