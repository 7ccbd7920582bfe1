package org.samadhan.notification.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.samadhan.contracts.Json;

/**
 * SQL for outbound messages, always on the caller's transaction. Every change of state names the states it may
 * change from, so that nothing can move a message back (a resend of a message WhatsApp has reported sent).
 */
public final class OutboundStore {

    /** The columns of a {@link PendingMessage}, read by {@link #pending}. */
    private static final String PENDING = """
            select o.outbound_id, o.wa_id, o.citizen_ref, o.district_code, o.kind, o.grievance_id, o.language,
                   o.proactive, o.message::text, o.template::text, o.as_template, o.attempts,
                   z.last_inbound_at, coalesce(z.opted_out, false)
            from outbound_message o left join citizen z on z.wa_id = o.wa_id and o.official_id is null
            """;

    private OutboundStore() {
    }

    /** A message to queue; without a WhatsApp id yet it waits for the citizen. */
    public record NewMessage(String outboundId, String waId, String citizenRef, String district, String kind,
                             UUID grievanceId, String language, boolean proactive, JsonNode message,
                             JsonNode template) {
    }

    /**
     * Queues messages once per outbound id (a redelivered cause is not queued again), in one statement. Their
     * creation times follow the list's order a microsecond apart, so each citizen's messages go out in that order.
     * Without a WhatsApp id yet, a message waits for the citizen (AWAITING_CITIZEN) until {@link #releaseAwaiting}.
     * A message to an id its citizen has changed goes to the id they have now.
     */
    public static void enqueueAll(Connection c, List<NewMessage> messages, Instant now) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                insert into outbound_message (outbound_id, wa_id, citizen_ref, district_code, kind, grievance_id,
                    language, proactive, message, template, state, next_attempt_at, created_at, updated_at)
                select u.outbound_id,
                       coalesce((select m.moved_to from citizen_moved m where m.wa_id = u.wa_id), u.wa_id),
                       u.citizen_ref, u.district_code, u.kind, u.grievance_id, u.language, u.proactive,
                       u.message::jsonb, u.template::jsonb,
                       case when u.wa_id is null then 'AWAITING_CITIZEN' else 'QUEUED' end,
                       ?, ?::timestamptz + u.n * interval '1 microsecond', ?
                from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::uuid[], ?::text[],
                            ?::boolean[], ?::text[], ?::text[])
                    with ordinality as u (outbound_id, wa_id, citizen_ref, district_code, kind, grievance_id,
                                          language, proactive, message, template, n)
                on conflict (outbound_id) do nothing""")) {
            insert.setTimestamp(1, Timestamp.from(now));
            insert.setTimestamp(2, Timestamp.from(now));
            insert.setTimestamp(3, Timestamp.from(now));
            insert.setArray(4, c.createArrayOf("text", messages.stream().map(NewMessage::outboundId).toArray()));
            insert.setArray(5, c.createArrayOf("text", messages.stream().map(NewMessage::waId).toArray()));
            insert.setArray(6, c.createArrayOf("text", messages.stream().map(NewMessage::citizenRef).toArray()));
            insert.setArray(7, c.createArrayOf("text", messages.stream().map(NewMessage::district).toArray()));
            insert.setArray(8, c.createArrayOf("text", messages.stream().map(NewMessage::kind).toArray()));
            insert.setArray(9, c.createArrayOf("uuid", messages.stream().map(NewMessage::grievanceId).toArray()));
            insert.setArray(10, c.createArrayOf("text", messages.stream().map(NewMessage::language).toArray()));
            insert.setArray(11, c.createArrayOf("bool", messages.stream().map(NewMessage::proactive).toArray()));
            insert.setArray(12, c.createArrayOf("text", messages.stream().map(m -> m.message().toString()).toArray()));
            insert.setArray(13, c.createArrayOf("text", messages.stream()
                    .map(m -> m.template() == null ? null : m.template().toString()).toArray()));
            insert.executeUpdate();
        }
    }

    /** The citizen has written: news that waited for their WhatsApp id (since {@code notBefore}) is queued. */
    public static int releaseAwaiting(Connection c, String waId, String citizenRef, Instant notBefore, Instant now)
            throws SQLException {
        try (PreparedStatement update = c.prepareStatement("""
                update outbound_message set wa_id = ?, state = 'QUEUED', next_attempt_at = ?, updated_at = ?
                where citizen_ref = ? and state = 'AWAITING_CITIZEN' and created_at >= ?""")) {
            update.setString(1, waId);
            update.setTimestamp(2, Timestamp.from(now));
            update.setTimestamp(3, Timestamp.from(now));
            update.setString(4, citizenRef);
            update.setTimestamp(5, Timestamp.from(notBefore));
            return update.executeUpdate();
        }
    }

    /**
     * The citizen's id changed: what is queued for the old id goes to the new one, in its place in the queue (an
     * official's alerts stay with the official's number).
     */
    public static int redirect(Connection c, String from, String to, Instant now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("""
                update outbound_message set wa_id = ?, updated_at = ?
                where wa_id = ? and state = 'QUEUED' and official_id is null""")) {
            update.setString(1, to);
            update.setTimestamp(2, Timestamp.from(now));
            update.setString(3, from);
            return update.executeUpdate();
        }
    }

    /**
     * Takes up to {@code limit} due messages for sending: only each citizen's oldest pending one, so a conversation's
     * replies go out in order. Marked SENDING (with the attempt counted) before anything is sent. The oldest is found
     * by a lateral lookup, always one index probe per due message: as NOT EXISTS, a planner whose statistics predate a
     * burst of 20,000 queued messages compared every pair of them (76 s for one take). An official's alerts are a
     * sequence of their own, apart from any citizen's conversation on the same number, whose window and opt-out do
     * not apply to them.
     */
    public static List<PendingMessage> take(Connection c, Instant now, int limit) throws SQLException {
        List<PendingMessage> taken = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement(PENDING + """
                    cross join lateral (select p.outbound_id from outbound_message p
                                        where p.wa_id = o.wa_id and p.official_id is not distinct from o.official_id
                                            and p.state in ('QUEUED', 'SENDING')
                                        order by p.created_at, p.outbound_id limit 1) oldest
                where o.state = 'QUEUED' and o.next_attempt_at <= ? and oldest.outbound_id = o.outbound_id
                order by o.next_attempt_at, o.created_at
                limit ? for update of o skip locked""")) {
            select.setTimestamp(1, Timestamp.from(now));
            select.setInt(2, limit);
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    taken.add(pending(r, 1));
                }
            }
        }
        try (PreparedStatement mark = c.prepareStatement("""
                update outbound_message set state = 'SENDING', attempts = attempts + 1, sending_since = ?,
                    updated_at = ? where outbound_id = any(?) and state = 'QUEUED'""")) {
            mark.setTimestamp(1, Timestamp.from(now));
            mark.setTimestamp(2, Timestamp.from(now));
            mark.setArray(3, c.createArrayOf("text", taken.stream().map(PendingMessage::outboundId).toArray()));
            mark.executeUpdate();
        }
        return taken;
    }

    /**
     * WhatsApp accepted these sends (those still SENDING: a status may have moved one on already), in one statement.
     * Rows are taken in outbound id order, the order status batches lock them in, so the two rarely deadlock (and
     * the rare deadlock PostgreSQL breaks is retried by both).
     */
    public static void acceptedAll(Connection c, List<? extends AcceptedSend> sends) throws SQLException {
        List<? extends AcceptedSend> ordered = sends.stream()
                .sorted(Comparator.comparing(AcceptedSend::outboundId)).toList();
        try (PreparedStatement update = c.prepareStatement("""
                update outbound_message m set state = 'ACCEPTED', wamid = v.wamid, as_template = v.as_template,
                    sending_since = null, error_code = null, error_title = null, updated_at = v.at
                from (select * from unnest(?::text[], ?::text[], ?::boolean[], ?::timestamptz[])
                      as u (outbound_id, wamid, as_template, at) order by outbound_id) v
                where m.outbound_id = v.outbound_id and m.state = 'SENDING'""")) {
            update.setArray(1, c.createArrayOf("text", ordered.stream().map(AcceptedSend::outboundId).toArray()));
            update.setArray(2, c.createArrayOf("text", ordered.stream().map(AcceptedSend::wamid).toArray()));
            update.setArray(3, c.createArrayOf("bool", ordered.stream().map(AcceptedSend::asTemplate).toArray()));
            update.setArray(4, c.createArrayOf("timestamptz",
                    ordered.stream().map(send -> send.at().toString()).toArray()));
            update.executeUpdate();
        }
    }

    /** What {@link #acceptedAll} needs of an accepted send. */
    public interface AcceptedSend {
        String outboundId();

        String wamid();

        boolean asTemplate();

        Instant at();
    }

    /**
     * Back in the queue from SENDING (a transient failure, a citizen's pacing), due at {@code due}; a send that did
     * not go out ({@code attempted} false) does not count as an attempt. Returns false, changing nothing, when the
     * message is no longer SENDING: a status has shown that an earlier send arrived.
     */
    public static boolean retry(Connection c, String outboundId, Instant due, Integer errorCode, String errorTitle,
                                boolean attempted, Instant now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("""
                update outbound_message set state = 'QUEUED', next_attempt_at = ?, sending_since = null,
                    error_code = ?, error_title = ?, wamid = null, attempts = attempts - ?, updated_at = ?
                where outbound_id = ? and state = 'SENDING'""")) {
            update.setTimestamp(1, Timestamp.from(due));
            update.setObject(2, errorCode, Types.INTEGER);
            update.setString(3, errorTitle);
            update.setInt(4, attempted ? 0 : 1);
            update.setTimestamp(5, Timestamp.from(now));
            update.setString(6, outboundId);
            return update.executeUpdate() == 1;
        }
    }

    /**
     * WhatsApp refused a free-form send because the 24-hour window had closed (131047): the message goes again as its
     * template, unless it went as the template already or has been delivered since.
     */
    public static boolean resendAsTemplate(Connection c, String outboundId, Integer errorCode, String errorTitle,
                                           Instant now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("""
                update outbound_message set state = 'QUEUED', next_attempt_at = ?, sending_since = null,
                    error_code = ?, error_title = ?, as_template = true, wamid = null, updated_at = ?
                where outbound_id = ? and not as_template and template is not null
                    and state in ('QUEUED', 'SENDING', 'ACCEPTED', 'SENT')""")) {
            update.setTimestamp(1, Timestamp.from(now));
            update.setObject(2, errorCode, Types.INTEGER);
            update.setString(3, errorTitle);
            update.setTimestamp(4, Timestamp.from(now));
            update.setString(5, outboundId);
            return update.executeUpdate() == 1;
        }
    }

    /**
     * A terminal state the sender decided for a message it is sending: DEAD (given up) or SKIPPED (opted out).
     * Returns false, changing nothing, when the message is no longer SENDING.
     */
    public static boolean finish(Connection c, String outboundId, String state, Integer errorCode, String errorTitle,
                                 Instant now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("""
                update outbound_message set state = ?, sending_since = null, error_code = ?, error_title = ?,
                    updated_at = ? where outbound_id = ? and state = 'SENDING'""")) {
            update.setString(1, state);
            update.setObject(2, errorCode, Types.INTEGER);
            update.setString(3, errorTitle);
            update.setTimestamp(4, Timestamp.from(now));
            update.setString(5, outboundId);
            return update.executeUpdate() == 1;
        }
    }

    /**
     * Sends SENDING since before {@code before} with no answer and no status (the sender died before recording, or
     * the answer never came), except those this instance still has in hand ({@code inHand}), locked.
     */
    public static List<PendingMessage> lockUnconfirmed(Connection c, Instant before, Collection<String> inHand)
            throws SQLException {
        try (PreparedStatement select = c.prepareStatement(PENDING + """
                where o.state = 'SENDING' and o.sending_since < ? and o.outbound_id <> all(?)
                order by o.sending_since limit 500 for update of o skip locked""")) {
            select.setTimestamp(1, Timestamp.from(before));
            select.setArray(2, c.createArrayOf("text", inHand.toArray()));
            List<PendingMessage> found = new ArrayList<>();
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    found.add(pending(r, 0));
                }
            }
            return found;
        }
    }

    /** Unconfirmed sends back in the queue, due now, those still SENDING only. */
    public static void requeueUnconfirmed(Connection c, List<String> outboundIds, Instant now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("""
                update outbound_message set state = 'QUEUED', next_attempt_at = ?, sending_since = null,
                    error_code = null, error_title = 'unconfirmed send', wamid = null, updated_at = ?
                where outbound_id = any(?) and state = 'SENDING'""")) {
            update.setTimestamp(1, Timestamp.from(now));
            update.setTimestamp(2, Timestamp.from(now));
            update.setArray(3, c.createArrayOf("text", outboundIds.toArray()));
            update.executeUpdate();
        }
    }

    public static long queueDepth(Connection c) throws SQLException {
        try (PreparedStatement count = c.prepareStatement(
                "select count(*) from outbound_message where state in ('QUEUED', 'SENDING')");
             ResultSet r = count.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    private static PendingMessage pending(ResultSet r, int attemptsAdded) throws SQLException {
        Timestamp last = r.getTimestamp(13);
        return new PendingMessage(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                r.getObject(6, UUID.class), r.getString(7), r.getBoolean(8), json(r.getString(9)),
                json(r.getString(10)), r.getBoolean(11), r.getInt(12) + attemptsAdded,
                last == null ? null : last.toInstant(), r.getBoolean(14));
    }

    private static JsonNode json(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("jsonb columns always hold JSON", e);
        }
    }
}
