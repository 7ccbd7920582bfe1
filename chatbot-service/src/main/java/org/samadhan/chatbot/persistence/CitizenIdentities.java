package org.samadhan.chatbot.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Moves a citizen to their new WhatsApp id (WhatsApp told us their id changed): their conversation, the grievances
 * they filed and every later event about those grievances continue under the new id and its reference. On the
 * caller's connection, inside the caller's transaction.
 */
public final class CitizenIdentities {

    private CitizenIdentities() {
    }

    /**
     * Re-keys the conversation from {@code oldId} to {@code newId}. Should the new id have written first (its messages
     * may be on another partition), the conversation touched last is kept, with the other's unfinished draft when it
     * has none, so neither the latest step nor a half-filed complaint is lost.
     */
    public static void move(Connection c, String oldId, String oldRef, String newId, String newRef, Instant now)
            throws SQLException {
        Instant oldActive = lastActive(c, oldId);
        Instant newActive = lastActive(c, newId);
        if (oldActive != null && newActive == null) {
            // updated_at stays: it is when the citizen last wrote, which a notice from WhatsApp is not.
            update(c, "update conversation set wa_id = ?, citizen_ref = ? where wa_id = ?", newId, newRef, oldId);
        } else if (oldActive != null) {
            boolean keepOld = oldActive.isAfter(newActive);
            String kept = keepOld ? oldId : newId;
            String dropped = keepOld ? newId : oldId;
            update(c, "update conversation k set draft = d.draft from conversation d where k.wa_id = ? "
                    + "and d.wa_id = ? and k.draft is null", kept, dropped);
            update(c, "delete from conversation where wa_id = ?", dropped);
            update(c, "update conversation set wa_id = ?, citizen_ref = ? where wa_id = ?", newId, newRef, kept);
        }
        update(c, "update citizen_grievance set citizen_ref = ? where citizen_ref = ?", newRef, oldRef);
        // Events of grievance-service keep the reference a grievance was filed under; map it (and earlier ones) on.
        update(c, "update citizen_ref_change set new_ref = ? where new_ref = ?", newRef, oldRef);
        update(c, "insert into citizen_ref_change (old_ref, new_ref, changed_at) values (?, ?, ?) "
                + "on conflict (old_ref) do update set new_ref = excluded.new_ref, changed_at = excluded.changed_at",
                oldRef, newRef, Timestamp.from(now));
    }

    /** When the conversation last changed, locking it; null when there is none. */
    private static Instant lastActive(Connection c, String waId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "select updated_at from conversation where wa_id = ? for update")) {
            s.setString(1, waId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getTimestamp(1).toInstant() : null;
            }
        }
    }

    private static void update(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.executeUpdate();
        }
    }
}
