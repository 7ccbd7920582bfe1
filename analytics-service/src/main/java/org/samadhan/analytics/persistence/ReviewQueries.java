package org.samadhan.analytics.persistence;

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
import java.util.TreeMap;
import org.samadhan.analytics.GroupBy;
import org.samadhan.analytics.Selection;

/**
 * The review's two questions to the projection, as review-figures.md defines them: what happened in a period (flows,
 * charged to whom the event counts against) and what was open at its end (stocks, by who held it then).
 */
public final class ReviewQueries {

    /** A row's identity: department, and block and official when grouped by them (null otherwise). */
    public record Key(String department, String block, String officer) {
    }

    /** Events of the period, as counts and the times derived from them (seconds). */
    public record Flows(long received, long assigned, long firstTimeRight, long escalated, long escalatedToLevel2,
                        long escalatedToLevel3, long reopened, long disputed, long transferred, long resolved,
                        long resolvedOnTime, long closedVerified, long closedUnverified, long rated,
                        Double averageRating, long acknowledged, long acknowledgedWithinADay,
                        Double acknowledgeP50, Double acknowledgeP90, long firstResolutions, Double resolveP50,
                        Double resolveP90, Double closeP50, Double closeP90) {

        public static final Flows NONE = new Flows(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, 0, 0, null, null, 0,
                null, null, null, null);
    }

    /** Open grievances at one moment. Ageing is by whole days since registration. */
    public record Stocks(long open, Map<String, Long> byStatus, Map<String, Long> byLevel, long overdue,
                         long age0To7, long age8To21, long age22To50, long ageOver50) {

        public static final Stocks NONE = new Stocks(0, Map.of(), Map.of(), 0, 0, 0, 0, 0);

        /** The stocks of several rows together: every figure is a count. */
        public static Stocks sum(java.util.Collection<Stocks> parts) {
            Map<String, Long> byStatus = new TreeMap<>();
            Map<String, Long> byLevel = new TreeMap<>();
            long open = 0;
            long overdue = 0;
            long[] ages = new long[4];
            for (Stocks p : parts) {
                open += p.open();
                overdue += p.overdue();
                p.byStatus().forEach((k, v) -> byStatus.merge(k, v, Long::sum));
                p.byLevel().forEach((k, v) -> byLevel.merge(k, v, Long::sum));
                ages[0] += p.age0To7();
                ages[1] += p.age8To21();
                ages[2] += p.age22To50();
                ages[3] += p.ageOver50();
            }
            return new Stocks(open, byStatus, byLevel, overdue, ages[0], ages[1], ages[2], ages[3]);
        }
    }

    /** The openByLevel key of grievances not yet routed: nobody holds them, so they are at no level. */
    public static final String UNROUTED = "unrouted";

    private static final String CLOSED = "('CLOSED_VERIFIED', 'CLOSED_UNVERIFIED')";
    /**
     * The states in which an official owes action, so a deadline can pass: a resolution waiting for the citizen's
     * answer is not overdue, whatever its deadline was (grievance-service escalates only these states too).
     */
    static final String WITH_OFFICIALS = "('ASSIGNED', 'IN_PROGRESS', 'REOPENED')";

    private ReviewQueries() {
    }

    /** The period's flows per row, and in total (for all rows of the selection, in the same scan). */
    public record FlowTable(Map<Key, Flows> rows, Flows total) {
    }

    /** The flows of the period, grouped by {@code groupBy} (null: the total only). */
    public static FlowTable flows(Connection c, String district, Instant from, Instant to, GroupBy groupBy,
                                  Selection selection) throws SQLException {
        String dims = dims(groupBy, "charged_department", "charged_block", "charged_officer");
        Selection.Sql where = selection.sql("charged_department", "charged_block", "charged_officer");
        // One scan for the rows and the total: grouping() tells the total apart from the not-yet-routed row.
        String totalFlag = groupBy == null ? "1" : "grouping(charged_department)";
        String grouping = groupBy == null ? "" : " group by grouping sets ((" + String.join(", ",
                groupColumns(groupBy, "charged_department", "charged_block", "charged_officer")) + "), ())";
        String sql = "select " + dims + ", " + totalFlag + """
                , count(*) filter (where action = 'REGISTER'),
                count(*) filter (where action = 'ASSIGN' and first_of_action),
                count(*) filter (where action = 'ASSIGN' and first_of_action
                    and (first_transferred_at is null or first_transferred_at >= ?)),
                count(*) filter (where action = 'ESCALATE'),
                count(*) filter (where action = 'ESCALATE' and level = 2),
                count(*) filter (where action = 'ESCALATE' and level = 3),
                count(*) filter (where action = 'REJECT_RESOLUTION'),
                count(distinct grievance_id) filter (where action = 'REJECT_RESOLUTION' and disputed),
                count(*) filter (where action = 'TRANSFER'),
                count(*) filter (where action = 'RESOLVE'),
                count(*) filter (where action = 'RESOLVE' and on_time),
                count(*) filter (where action = 'CONFIRM_RESOLVED'),
                count(*) filter (where action = 'EXPIRE_FEEDBACK'),
                count(rating) filter (where action = 'CONFIRM_RESOLVED'),
                avg(rating) filter (where action = 'CONFIRM_RESOLVED'),
                count(*) filter (where action = 'ACKNOWLEDGE' and first_of_action),
                count(*) filter (where action = 'ACKNOWLEDGE' and first_of_action
                    and occurred_at <= first_assigned_at + interval '1 day'),
                percentile_cont(0.5) within group (order by extract(epoch from occurred_at - first_assigned_at))
                    filter (where action = 'ACKNOWLEDGE' and first_of_action),
                percentile_cont(0.9) within group (order by extract(epoch from occurred_at - first_assigned_at))
                    filter (where action = 'ACKNOWLEDGE' and first_of_action),
                count(*) filter (where action = 'RESOLVE' and first_of_action),
                percentile_cont(0.5) within group (order by extract(epoch from occurred_at - registered_at))
                    filter (where action = 'RESOLVE' and first_of_action),
                percentile_cont(0.9) within group (order by extract(epoch from occurred_at - registered_at))
                    filter (where action = 'RESOLVE' and first_of_action),
                percentile_cont(0.5) within group (order by extract(epoch from occurred_at - registered_at))
                    filter (where action in ('CONFIRM_RESOLVED', 'EXPIRE_FEEDBACK')),
                percentile_cont(0.9) within group (order by extract(epoch from occurred_at - registered_at))
                    filter (where action in ('CONFIRM_RESOLVED', 'EXPIRE_FEEDBACK'))
                from grievance_event where district_code = ? and occurred_at >= ? and occurred_at < ?"""
                + where.conditions() + grouping;
        Map<Key, Flows> rows = new LinkedHashMap<>();
        Flows total = Flows.NONE;
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            s.setTimestamp(i++, Timestamp.from(to));
            s.setString(i++, district);
            s.setTimestamp(i++, Timestamp.from(from));
            s.setTimestamp(i++, Timestamp.from(to));
            for (Object parameter : where.parameters()) {
                s.setObject(i++, parameter);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    int n = 4;
                    Flows flows = new Flows(r.getLong(++n), r.getLong(++n), r.getLong(++n),
                            r.getLong(++n), r.getLong(++n), r.getLong(++n), r.getLong(++n), r.getLong(++n),
                            r.getLong(++n), r.getLong(++n), r.getLong(++n), r.getLong(++n), r.getLong(++n),
                            r.getLong(++n), number(r, ++n), r.getLong(++n), r.getLong(++n), number(r, ++n),
                            number(r, ++n), r.getLong(++n), number(r, ++n), number(r, ++n), number(r, ++n),
                            number(r, ++n));
                    if (r.getInt(4) == 1) {
                        total = flows;
                    } else {
                        rows.put(key(r, groupBy), flows);
                    }
                }
            }
        }
        return new FlowTable(rows, total);
    }

    public static Map<Key, Stocks> stocks(Connection c, String district, Instant at, boolean now, GroupBy groupBy,
                                          Selection selection) throws SQLException {
        String dims = dims(groupBy, "department_code", "block", "officer_id");
        Selection.Sql where = selection.sql("department_code", "block", "officer_id");
        // The latest state of each grievance has no end; a past moment's state is the one whose span holds it.
        String holds = now ? " and valid_to is null"
                : " and occurred_at <= ? and (valid_to is null or valid_to > ?)";
        String sql = "select " + dims + """
                , case when to_status = 'REGISTERED' then null else level end, to_status, count(*),
                count(*) filter (where due_at < ?::timestamptz and to_status in (:owing)),
                count(*) filter (where registered_at > ?::timestamptz - interval '8 days'),
                count(*) filter (where registered_at <= ?::timestamptz - interval '8 days' and registered_at > ?::timestamptz - interval '22 days'),
                count(*) filter (where registered_at <= ?::timestamptz - interval '22 days' and registered_at > ?::timestamptz - interval '51 days'),
                count(*) filter (where registered_at <= ?::timestamptz - interval '51 days')
                from grievance_event where district_code = ? and to_status not in""" + " " + CLOSED + holds
                + where.conditions() + groupByClause(groupBy) + ", 4, 5";
        sql = sql.replace("(:owing)", WITH_OFFICIALS);
        Map<Key, List<Object[]>> parts = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            Timestamp t = Timestamp.from(at);
            for (int k = 0; k < 7; k++) {
                s.setTimestamp(i++, t);
            }
            s.setString(i++, district);
            if (!now) {
                s.setTimestamp(i++, t);
                s.setTimestamp(i++, t);
            }
            for (Object parameter : where.parameters()) {
                s.setObject(i++, parameter);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Object level = r.getObject(4);
                    parts.computeIfAbsent(key(r, groupBy), k -> new ArrayList<>()).add(new Object[] {
                        level == null ? UNROUTED : level.toString(), r.getString(5), r.getLong(6), r.getLong(7),
                        r.getLong(8), r.getLong(9), r.getLong(10), r.getLong(11)});
                }
            }
        }
        Map<Key, Stocks> rows = new LinkedHashMap<>();
        parts.forEach((key, list) -> rows.put(key, sum(list)));
        return rows;
    }

    private static Stocks sum(List<Object[]> parts) {
        Map<String, Long> byStatus = new TreeMap<>();
        Map<String, Long> byLevel = new TreeMap<>();
        long open = 0;
        long[] rest = new long[5];
        for (Object[] p : parts) {
            long count = (Long) p[2];
            open += count;
            byLevel.merge((String) p[0], count, Long::sum);
            byStatus.merge((String) p[1], count, Long::sum);
            for (int k = 0; k < 5; k++) {
                rest[k] += (Long) p[3 + k];
            }
        }
        return new Stocks(open, byStatus, byLevel, rest[0], rest[1], rest[2], rest[3], rest[4]);
    }

    /** Always three leading columns (null where not grouped), so results read the same way. */
    private static String dims(GroupBy groupBy, String department, String block, String officer) {
        if (groupBy == null) {
            return "null::text, null::text, null::text";
        }
        return department + ", " + (groupBy.byBlock() ? block : "null::text") + ", "
                + (groupBy.byOfficer() ? officer : "null::text");
    }

    private static String groupByClause(GroupBy groupBy) {
        return " group by 1, 2, 3";
    }

    private static List<String> groupColumns(GroupBy groupBy, String department, String block, String officer) {
        return groupBy.byOfficer() ? List.of(department, block, officer)
                : groupBy.byBlock() ? List.of(department, block) : List.of(department);
    }

    private static Key key(ResultSet r, GroupBy groupBy) throws SQLException {
        return new Key(r.getString(1), r.getString(2), r.getString(3));
    }

    private static Double number(ResultSet r, int column) throws SQLException {
        double value = r.getDouble(column);
        return r.wasNull() ? null : value;
    }
}
