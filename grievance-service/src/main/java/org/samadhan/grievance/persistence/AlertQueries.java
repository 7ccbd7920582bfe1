package org.samadhan.grievance.persistence;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An official's alerts, read from the grievance history: the steps for which notification-service alerts officials
 * on WhatsApp (its {@code OfficialAlerts}), with the official's read marks. An alert is one history step seen by one
 * official, so its id is the step's ({@code <grievance id>:<version>}).
 */
public final class AlertQueries {

    /** What an official is told. */
    public enum Kind { ASSIGNED, DUE_SOON, ESCALATED_TO_YOU, ESCALATED_AWAY, RESOLUTION_REJECTED, DISPUTED }

    /**
     * One alert. Deliberately without the citizen's words, ref or number: it stays listed after the grievance has
     * left the official's scope. Department, block, level and deadline are where the step left the grievance.
     */
    public record Alert(String id, Kind kind, String grievanceNumber, String departmentCode, String block,
                        String village, int level, Instant dueAt, Instant at, boolean read,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String fromOfficer,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String toOfficer) {
    }

    /** A page of alerts, newest first; {@code total} counts what the page is taken from, {@code unread} all unread. */
    public record Page(List<Alert> items, long unread, int page, int size, long total) {
    }

    /**
     * The official's alert steps (grievance_id, version, kind), one branch per index. To the holder after a step:
     * ASSIGN, REMIND, and a rejection kept with them at the top (disputed); to the one a handover went to: TRANSFER
     * and REASSIGN (assigned), ESCALATE and REJECT_RESOLUTION (escalated to you); to the one it came from: ESCALATE
     * (escalated away), REJECT_RESOLUTION (their resolution rejected). A step that did not change hands has no
     * from/to officer, so it tells no one it did. Every ? is the official's id.
     */
    private static final String MINE = """
            select grievance_id, version, 'ASSIGNED' as kind from grievance_history
            where officer_id = ? and action = 'ASSIGN'
            union all
            select grievance_id, version, 'DUE_SOON' from grievance_history
            where officer_id = ? and action = 'REMIND'
            union all
            select h.grievance_id, h.version, 'DISPUTED' from grievance_history h join grievance g on g.id = h.grievance_id
            where h.officer_id = ? and h.action = 'REJECT_RESOLUTION' and h.from_officer is null
              and coalesce(h.disputed, g.disputed)
            union all
            select grievance_id, version,
                   case when action in ('ESCALATE', 'REJECT_RESOLUTION') then 'ESCALATED_TO_YOU' else 'ASSIGNED' end
            from grievance_history
            where to_officer = ? and action in ('TRANSFER', 'REASSIGN', 'ESCALATE', 'REJECT_RESOLUTION')
            union all
            select grievance_id, version,
                   case when action = 'ESCALATE' then 'ESCALATED_AWAY' else 'RESOLUTION_REJECTED' end
            from grievance_history
            where from_officer = ? and action in ('ESCALATE', 'REJECT_RESOLUTION')""";
    private static final int MINE_PARAMETERS = 5;

    private AlertQueries() {
    }

    public static Page page(Connection c, String official, boolean unreadOnly, int page, int size)
            throws SQLException {
        long[] counts = counts(c, official);
        long unread = counts[1];
        long total = unreadOnly ? unread : counts[0];
        List<Alert> items = new ArrayList<>();
        // Rows recorded before the history kept placements (level null) show the grievance's present ones.
        try (PreparedStatement select = c.prepareStatement("""
                select m.grievance_id, m.version, m.kind, g.number,
                       case when h.level is null then g.department_code else h.department_code end,
                       case when h.level is null then g.block else h.block end, g.village,
                       coalesce(h.level, g.level), case when h.level is null then g.due_at else h.due_at end,
                       h.occurred_at, r.read_at is not null, h.from_officer, h.to_officer
                from (""" + MINE + """
                ) m
                join grievance_history h on h.grievance_id = m.grievance_id and h.version = m.version
                join grievance g on g.id = m.grievance_id
                left join official_alert_read r on r.official_id = ? and r.grievance_id = m.grievance_id
                     and r.version = m.version
                where not (? and r.read_at is not null)
                order by h.occurred_at desc, m.grievance_id, m.version desc
                limit ? offset ?""")) {
            int i = mine(select, official);
            select.setString(i++, official);
            select.setBoolean(i++, unreadOnly);
            select.setInt(i++, size);
            select.setLong(i, (long) page * size);
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    items.add(new Alert(r.getObject(1, UUID.class) + ":" + r.getLong(2), Kind.valueOf(r.getString(3)),
                            r.getString(4), r.getString(5), r.getString(6), r.getString(7), r.getInt(8),
                            instant(r, 9), instant(r, 10), r.getBoolean(11), r.getString(12), r.getString(13)));
                }
            }
        }
        return new Page(items, unread, page, size, total);
    }

    /** How many of the official's alerts are unread. */
    public static long unread(Connection c, String official) throws SQLException {
        return counts(c, official)[1];
    }

    /** Marks one of the official's alerts read; false when the official has no such alert. Repeats change nothing. */
    public static boolean markRead(Connection c, String official, UUID grievanceId, long version, Instant now)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                insert into official_alert_read (official_id, grievance_id, version, read_at)
                select distinct ?, m.grievance_id, m.version, ?::timestamptz from (""" + MINE + """
                ) m where m.grievance_id = ? and m.version = ?
                on conflict do nothing""")) {
            insert.setString(1, official);
            insert.setTimestamp(2, Timestamp.from(now));
            int i = mine(insert, official, 3);
            insert.setObject(i++, grievanceId);
            insert.setLong(i, version);
            if (insert.executeUpdate() == 1) {
                return true;
            }
        }
        try (PreparedStatement exists = c.prepareStatement("select 1 from (" + MINE + ") m"
                + " where m.grievance_id = ? and m.version = ?")) {
            int i = mine(exists, official);
            exists.setObject(i++, grievanceId);
            exists.setLong(i, version);
            try (ResultSet r = exists.executeQuery()) {
                return r.next();
            }
        }
    }

    /** Marks every alert of the official read that is unread now; returns how many. */
    public static int markAllRead(Connection c, String official, Instant now) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                insert into official_alert_read (official_id, grievance_id, version, read_at)
                select distinct ?, m.grievance_id, m.version, ?::timestamptz from (""" + MINE + """
                ) m on conflict do nothing""")) {
            insert.setString(1, official);
            insert.setTimestamp(2, Timestamp.from(now));
            mine(insert, official, 3);
            return insert.executeUpdate();
        }
    }

    /** All the official's alerts and the unread ones, in one scan. */
    private static long[] counts(Connection c, String official) throws SQLException {
        try (PreparedStatement count = c.prepareStatement("select count(*), count(*) filter (where r.read_at is null)"
                + " from (" + MINE + ") m left join official_alert_read r on r.official_id = ?"
                + " and r.grievance_id = m.grievance_id and r.version = m.version")) {
            count.setString(mine(count, official), official);
            try (ResultSet r = count.executeQuery()) {
                r.next();
                return new long[] {r.getLong(1), r.getLong(2)};
            }
        }
    }

    private static int mine(PreparedStatement statement, String official) throws SQLException {
        return mine(statement, official, 1);
    }

    /** Sets MINE's parameters from {@code first}; returns the index after them. */
    private static int mine(PreparedStatement statement, String official, int first) throws SQLException {
        for (int i = 0; i < MINE_PARAMETERS; i++) {
            statement.setString(first + i, official);
        }
        return first + MINE_PARAMETERS;
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        Timestamp value = r.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
