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

    private static void setDouble(PreparedStatement statement, int index, Double value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.DOUBLE);
        } else {
            statement.setDouble(index, value);
        }
    }
}
