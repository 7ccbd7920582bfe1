package org.samadhan.notification.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * SQL for delivery tracking, a batch of statuses at a time (a statement per batch, not per status): the messages they
 * report on, each state reached once, and each message's current state.
 */
public final class DeliveryStore {

    private DeliveryStore() {
    }

    /** A message statuses report on, as locked. */
    public record Tracked(String outboundId, String wamid, String state, boolean asTemplate, boolean hasTemplate,
                         String kind, UUID grievanceId, String citizenRef, String language, String districtCode,
                         int attempts) {
    }

    /** A state a message reached, at a time. */
    public record Reached(String outboundId, String state, Instant at) {
    }

    /**
     * The state a message moves to from the state it was locked in ({@code from}), linking WhatsApp's id (a message
     * found by our callback data may lack it).
     */
    public record Advance(String outboundId, String from, String state, String wamid, Integer errorCode,
                          String errorTitle, Instant at) {
    }

    /**
     * The messages with these WhatsApp ids or outbound ids (our callback data), locked in outbound id order so that
     * concurrent batches cannot deadlock.
     */
    public static List<Tracked> lock(Connection c, Collection<String> wamids, Collection<String> outboundIds)
            throws SQLException {
        try (PreparedStatement select = c.prepareStatement("""
                select outbound_id, wamid, state, as_template, template is not null, kind, grievance_id, citizen_ref,
                       language, district_code, attempts
                from outbound_message where wamid = any(?) or outbound_id = any(?)
                order by outbound_id for update""")) {
            select.setArray(1, c.createArrayOf("text", wamids.toArray()));
            select.setArray(2, c.createArrayOf("text", outboundIds.toArray()));
            List<Tracked> locked = new ArrayList<>();
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    locked.add(new Tracked(r.getString(1), r.getString(2), r.getString(3), r.getBoolean(4),
                            r.getBoolean(5), r.getString(6), r.getObject(7, UUID.class), r.getString(8),
                            r.getString(9), r.getString(10), r.getInt(11)));
                }
            }
            return locked;
        }
    }

    /** Records the states reached; returns those not recorded before, as "outboundId/state". */
    public static Set<String> reached(Connection c, List<Reached> states) throws SQLException {
        Set<String> recorded = new HashSet<>();
        if (states.isEmpty()) {
            return recorded;
        }
        try (PreparedStatement insert = c.prepareStatement("""
                insert into delivery_state (outbound_id, state, reached_at)
                select * from unnest(?::text[], ?::text[], ?::timestamptz[])
                on conflict do nothing returning outbound_id, state""")) {
            insert.setArray(1, c.createArrayOf("text", states.stream().map(Reached::outboundId).toArray()));
            insert.setArray(2, c.createArrayOf("text", states.stream().map(Reached::state).toArray()));
            insert.setArray(3, c.createArrayOf("timestamptz", times(states.stream().map(Reached::at))));
            try (ResultSet r = insert.executeQuery()) {
                while (r.next()) {
                    recorded.add(r.getString(1) + "/" + r.getString(2));
                }
            }
        }
        return recorded;
    }

    /**
     * Moves each message's current state (the caller decided it is further along), only from the state the caller
     * saw: a message that changed meanwhile is left as it is.
     */
    public static void advance(Connection c, List<Advance> advances) throws SQLException {
        if (advances.isEmpty()) {
            return;
        }
        try (PreparedStatement update = c.prepareStatement("""
                update outbound_message m set state = v.state, wamid = coalesce(m.wamid, v.wamid),
                    sending_since = null, error_code = coalesce(v.error_code, m.error_code),
                    error_title = coalesce(v.error_title, m.error_title), updated_at = v.at
                from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::int[], ?::text[], ?::timestamptz[])
                    as v (outbound_id, from_state, state, wamid, error_code, error_title, at)
                where m.outbound_id = v.outbound_id and m.state = v.from_state""")) {
            update.setArray(1, c.createArrayOf("text", advances.stream().map(Advance::outboundId).toArray()));
            update.setArray(2, c.createArrayOf("text", advances.stream().map(Advance::from).toArray()));
            update.setArray(3, c.createArrayOf("text", advances.stream().map(Advance::state).toArray()));
            update.setArray(4, c.createArrayOf("text", advances.stream().map(Advance::wamid).toArray()));
            update.setArray(5, c.createArrayOf("int4", advances.stream().map(Advance::errorCode).toArray()));
            update.setArray(6, c.createArrayOf("text", advances.stream().map(Advance::errorTitle).toArray()));
            update.setArray(7, c.createArrayOf("timestamptz", times(advances.stream().map(Advance::at))));
            update.executeUpdate();
        }
    }

    /** Times go as ISO-8601 text, which PostgreSQL reads exactly whatever the session's time zone. */
    private static Object[] times(java.util.stream.Stream<Instant> times) {
        return times.map(Instant::toString).toArray();
    }
}
