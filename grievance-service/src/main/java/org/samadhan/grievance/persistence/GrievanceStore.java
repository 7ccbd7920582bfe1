package org.samadhan.grievance.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
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

    /** Appends one row to the grievance's history (the table refuses updates and deletes). */
    public static void appendHistory(Connection c, UUID id, long version, String action, String from, String to,
                                     String actorId, String actorRole, String reason, Instant at) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                insert into grievance_history (grievance_id, version, action, from_status, to_status, actor_id,
                    actor_role, reason, occurred_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setObject(1, id);
            insert.setLong(2, version);
            insert.setString(3, action);
            insert.setString(4, from);
            insert.setString(5, to);
            insert.setString(6, actorId);
            insert.setString(7, actorRole);
            insert.setString(8, reason);
            insert.setTimestamp(9, Timestamp.from(at));
            insert.executeUpdate();
        }
    }

    /** Locks the grievance row for this transaction; null when there is no such grievance. */
    public static GrievanceRow lock(Connection c, UUID id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("""
                select district_code, number, status, version, citizen_ref, language, department_code, block,
                       officer_id, level, due_at
                from grievance where id = ? for update""")) {
            select.setObject(1, id);
            try (ResultSet r = select.executeQuery()) {
                if (!r.next()) {
                    return null;
                }
                Timestamp due = r.getTimestamp(11);
                return new GrievanceRow(id, r.getString(1), r.getString(2), GrievanceStatus.valueOf(r.getString(3)),
                        r.getLong(4), r.getString(5), r.getString(6), r.getString(7), r.getString(8), r.getString(9),
                        r.getInt(10), due == null ? null : due.toInstant());
            }
        }
    }

    /** Writes a grievance's new state (the version was advanced by the caller). */
    public static void update(Connection c, GrievanceRow row, Instant now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("""
                update grievance set status = ?, version = ?, department_code = ?, block = ?, officer_id = ?,
                    level = ?, due_at = ?, updated_at = ? where id = ?""")) {
            update.setString(1, row.status().name());
            update.setLong(2, row.version());
            update.setString(3, row.departmentCode());
            update.setString(4, row.block());
            update.setString(5, row.officerId());
            update.setInt(6, row.level());
            update.setTimestamp(7, row.dueAt() == null ? null : Timestamp.from(row.dueAt()));
            update.setTimestamp(8, Timestamp.from(now));
            update.setObject(9, row.id());
            update.executeUpdate();
        }
    }

    private static void setDouble(PreparedStatement statement, int index, Double value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.DOUBLE);
        } else {
            statement.setDouble(index, value);
        }
    }
}
