package org.samadhan.notification.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/** SQL for delivery tracking: which message a status is about, and each state reached once. */
public final class DeliveryStore {

    private DeliveryStore() {
    }

    /** The message a status reports on, locked; found by WhatsApp's id or by our callback data (our outbound id). */
    public record Tracked(String outboundId, String state, boolean asTemplate, boolean hasTemplate, String kind,
                         UUID grievanceId, String citizenRef, String language, String districtCode, int attempts) {
    }

    public static Tracked lock(Connection c, String wamid, String callbackData) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("""
                select outbound_id, state, as_template, template is not null, kind, grievance_id, citizen_ref,
                       language, district_code, attempts
                from outbound_message where wamid = ? or outbound_id = ?
                order by (wamid = ?) desc nulls last limit 1 for update""")) {
            select.setString(1, wamid);
            select.setString(2, callbackData);
            select.setString(3, wamid);
            try (ResultSet r = select.executeQuery()) {
                if (!r.next()) {
                    return null;
                }
                return new Tracked(r.getString(1), r.getString(2), r.getBoolean(3), r.getBoolean(4), r.getString(5),
                        r.getObject(6, UUID.class), r.getString(7), r.getString(8), r.getString(9), r.getInt(10));
            }
        }
    }

    /** Records that the message reached {@code state}; false when it had been recorded before. */
    public static boolean reached(Connection c, String outboundId, String state, Instant at) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                insert into delivery_state (outbound_id, state, reached_at) values (?, ?, ?)
                on conflict do nothing""")) {
            insert.setString(1, outboundId);
            insert.setString(2, state);
            insert.setTimestamp(3, Timestamp.from(at));
            return insert.executeUpdate() == 1;
        }
    }

    /** Moves the message's current state (the caller decided it is further along), linking WhatsApp's id. */
    public static void advance(Connection c, String outboundId, String state, String wamid, Integer errorCode,
                               String errorTitle, Instant now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("""
                update outbound_message set state = ?, wamid = coalesce(wamid, ?), sending_since = null,
                    error_code = coalesce(?, error_code), error_title = coalesce(?, error_title), updated_at = ?
                where outbound_id = ?""")) {
            update.setString(1, state);
            update.setString(2, wamid);
            update.setObject(3, errorCode, java.sql.Types.INTEGER);
            update.setString(4, errorTitle);
            update.setTimestamp(5, Timestamp.from(now));
            update.setString(6, outboundId);
            update.executeUpdate();
        }
    }
}
