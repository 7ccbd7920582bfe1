package org.samadhan.notification.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

/**
 * SQL for citizens as sending needs them, always on the caller's transaction: their WhatsApp id and reference, when
 * they last wrote, their opt-out in WhatsApp's message order, the inbound messages already handled, and the ids they
 * no longer have.
 */
public final class CitizenStore {

    private CitizenStore() {
    }

    /** True the first time this inbound message id is seen; false for a redelivery, which must change nothing. */
    public static boolean firstSight(Connection c, String messageId, Instant now) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                insert into processed_inbound (message_id, processed_at) values (?, ?) on conflict do nothing""")) {
            insert.setString(1, messageId);
            insert.setTimestamp(2, Timestamp.from(now));
            return insert.executeUpdate() == 1;
        }
    }

    /** Forgets handled message ids older than {@code before}; returns how many. */
    public static int forgetProcessed(Connection c, Instant before) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("delete from processed_inbound where processed_at < ?")) {
            delete.setTimestamp(1, Timestamp.from(before));
            return delete.executeUpdate();
        }
    }

    /** Remembers a citizen; moves their last message time forward only (inbound events may be redelivered late). */
    public static void touch(Connection c, String waId, String citizenRef, Instant lastInbound) throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement("""
                insert into citizen (wa_id, citizen_ref, last_inbound_at) values (?, ?, ?)
                on conflict (wa_id) do update set last_inbound_at =
                    greatest(citizen.last_inbound_at, excluded.last_inbound_at)""")) {
            upsert.setString(1, waId);
            upsert.setString(2, citizenRef);
            upsert.setTimestamp(3, lastInbound == null ? null : Timestamp.from(lastInbound));
            upsert.executeUpdate();
        }
    }

    /**
     * The citizen's opt-out ({@code optedOut}) or opt-in, said at {@code at} (WhatsApp's time of their message):
     * applied unless a later one was applied already, so a late or redelivered old opt-out cannot undo a newer opt-in.
     * Equal times apply in the order consumed. A citizen not seen yet here (their messages still behind on
     * whatsapp.inbound.v1) is remembered with the choice.
     */
    public static void choose(Connection c, String waId, String citizenRef, boolean optedOut, Instant at)
            throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement("""
                insert into citizen (wa_id, citizen_ref, opted_out, opt_out_at) values (?, ?, ?, ?)
                on conflict (wa_id) do update set opted_out = excluded.opted_out, opt_out_at = excluded.opt_out_at
                where citizen.opt_out_at is null or citizen.opt_out_at <= excluded.opt_out_at""")) {
            upsert.setString(1, waId);
            upsert.setString(2, citizenRef);
            upsert.setBoolean(3, optedOut);
            upsert.setTimestamp(4, Timestamp.from(at));
            upsert.executeUpdate();
        }
    }

    /**
     * The WhatsApp id behind a citizen reference (also the reference of an id the citizen has since changed), or
     * null when this citizen never wrote to us.
     */
    public static String waIdOf(Connection c, String citizenRef) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("""
                select wa_id from citizen where citizen_ref = ?
                union all select moved_to from citizen_moved where citizen_ref = ?
                limit 1""")) {
            select.setString(1, citizenRef);
            select.setString(2, citizenRef);
            try (ResultSet r = select.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    /** The id a citizen has now: {@code waId} itself, or the id it changed to. */
    public static String currentId(Connection c, String waId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("select moved_to from citizen_moved where wa_id = ?")) {
            select.setString(1, waId);
            try (ResultSet r = select.executeQuery()) {
                return r.next() ? r.getString(1) : waId;
            }
        }
    }

    /**
     * Remembers citizens we are about to write to (WhatsApp id to reference), leaving known ones untouched and not
     * bringing back an id its citizen no longer has.
     */
    public static void rememberAll(Connection c, Map<String, String> refsByWaId) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                insert into citizen (wa_id, citizen_ref)
                select u.wa_id, u.citizen_ref from unnest(?::text[], ?::text[]) as u (wa_id, citizen_ref)
                where not exists (select 1 from citizen_moved m where m.wa_id = u.wa_id)
                on conflict (wa_id) do nothing""")) {
            insert.setArray(1, c.createArrayOf("text", refsByWaId.keySet().toArray()));
            insert.setArray(2, c.createArrayOf("text", refsByWaId.values().toArray()));
            insert.executeUpdate();
        }
    }

    /**
     * The citizen's WhatsApp id {@code from} became {@code to} (a {@code user_changed_user_id} notice): {@code to}
     * takes over the window and the opt-out (the later opt-out / opt-in wins if both ids have one), {@code from} is
     * forgotten as a citizen and remembered as moved, and ids that had moved to {@code from} now lead to {@code to}.
     */
    public static void move(Connection c, String from, String fromRef, String to, String toRef, Instant at)
            throws SQLException {
        try (PreparedStatement merge = c.prepareStatement("""
                insert into citizen (wa_id, citizen_ref, last_inbound_at, opted_out, opt_out_at)
                select ?, ?, f.last_inbound_at, coalesce(f.opted_out, false), f.opt_out_at
                from (values (1)) one left join citizen f on f.wa_id = ?
                on conflict (wa_id) do update set
                    last_inbound_at = greatest(citizen.last_inbound_at, excluded.last_inbound_at),
                    opted_out = case when excluded.opt_out_at > coalesce(citizen.opt_out_at, '-infinity')
                                     then excluded.opted_out else citizen.opted_out end,
                    opt_out_at = greatest(citizen.opt_out_at, excluded.opt_out_at)""")) {
            merge.setString(1, to);
            merge.setString(2, toRef);
            merge.setString(3, from);
            merge.executeUpdate();
        }
        try (PreparedStatement delete = c.prepareStatement("delete from citizen where wa_id = ?")) {
            delete.setString(1, from);
            delete.executeUpdate();
        }
        try (PreparedStatement chain = c.prepareStatement(
                "update citizen_moved set moved_to = ? where moved_to = ?")) {
            chain.setString(1, to);
            chain.setString(2, from);
            chain.executeUpdate();
        }
        try (PreparedStatement insert = c.prepareStatement("""
                insert into citizen_moved (wa_id, citizen_ref, moved_to, moved_at) values (?, ?, ?, ?)
                on conflict (wa_id) do update set moved_to = excluded.moved_to, moved_at = excluded.moved_at
                where citizen_moved.moved_at <= excluded.moved_at""")) {
            insert.setString(1, from);
            insert.setString(2, fromRef);
            insert.setString(3, to);
            insert.setTimestamp(4, Timestamp.from(at));
            insert.executeUpdate();
        }
    }
}
