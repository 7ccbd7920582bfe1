package org.samadhan.analytics.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.samadhan.analytics.GroupBy;
import org.samadhan.analytics.Percentiles;
import org.samadhan.analytics.Period;
import org.samadhan.analytics.ReviewContribution;
import org.samadhan.analytics.ReviewContribution.Kind;
import org.samadhan.analytics.ReviewContribution.Measure;
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
    public static final String UNROUTED = ReviewContribution.UNROUTED;

    private static final String CLOSED = "('CLOSED_VERIFIED', 'CLOSED_UNVERIFIED')";
    /**
     * The states in which an official owes action, so a deadline can pass: a resolution waiting for the citizen's
     * answer is not overdue, whatever its deadline was (grievance-service escalates only these states too).
     */
    static final String WITH_OFFICIALS = ReviewContribution.OWING.stream().sorted()
            .collect(Collectors.joining("', '", "('", "')"));

    private ReviewQueries() {
    }

    /** The period's flows per row, and in total (for all rows of the selection, in the same scan). */
    public record FlowTable(Map<Key, Flows> rows, Flows total) {
    }

    /**
     * The flows of the period, grouped by {@code groupBy} (null: the total only), from the day rollups: their counts
     * summed, first-time-right as first assignments less those transferred before the period's end, and the exact
     * medians and 90th percentiles of the period's durations.
     */
    public static FlowTable flows(Connection c, String district, Period period, GroupBy groupBy,
                                  Selection selection) throws SQLException {
        return flows(c, district, period, groupBy, selection, () -> percentiles(c, district, period, groupBy,
                selection));
    }

    /** The percentiles of a review, read when its counts have been ({@link #percentiles}, perhaps meanwhile). */
    @FunctionalInterface
    public interface PercentilesRead {
        Map<Key, Double[]> get() throws SQLException;
    }

    /** The flows, with percentiles from {@code percentilesRead} once the counts are read. */
    public static FlowTable flows(Connection c, String district, Period period, GroupBy groupBy,
                                  Selection selection, PercentilesRead percentilesRead) throws SQLException {
        Selection.Sql where = selection.sql("department", "block", "officer");
        Map<Key, long[]> counts = new LinkedHashMap<>();
        String measures = Arrays.stream(Measure.values()).map(m -> "sum(" + m.column() + ")")
                .collect(Collectors.joining(", "));
        query(c, "select " + dims(groupBy, "department", "block", "officer") + ", " + totalFlag(groupBy) + ", "
                + measures + " from review_day where district_code = ? and day >= ? and day <= ?"
                + where.conditions() + groupingSets(groupBy), parameters(district, period.from(), period.to(), where),
                r -> {
                    long[] sums = new long[Measure.values().length];
                    for (int m = 0; m < sums.length; m++) {
                        sums[m] = r.getLong(5 + m);
                    }
                    Key key = rowKey(r);
                    // Rows whose contributions moved elsewhere (a registration charged once routed) sum to zero.
                    if (key == TOTAL || !ReviewContribution.allZero(sums)) {
                        counts.put(key, sums);
                    }
                });
        Map<Key, Long> transferred = new LinkedHashMap<>();
        List<Object> transferParameters = parameters(district, period.from(), period.to(), where);
        transferParameters.add(3, period.to());
        query(c, "select " + dims(groupBy, "department", "block", "officer") + ", " + totalFlag(groupBy)
                + ", sum(grievances) from review_transfer where district_code = ? and assign_day >= ? "
                + "and assign_day <= ? and transfer_day <= ?" + where.conditions() + groupingSets(groupBy),
                transferParameters, r -> transferred.put(rowKey(r), r.getLong(5)));
        Map<Key, Double[]> percentiles = percentilesRead.get();
        Map<Key, Flows> rows = new LinkedHashMap<>();
        Flows total = Flows.NONE;
        for (Map.Entry<Key, long[]> entry : counts.entrySet()) {
            Flows flows = flows(entry.getValue(), transferred.getOrDefault(entry.getKey(), 0L),
                    percentiles.getOrDefault(entry.getKey(), new Double[6]));
            if (entry.getKey() == TOTAL) {
                total = flows;
            } else {
                rows.put(entry.getKey(), flows);
            }
        }
        return new FlowTable(rows, total);
    }

    /**
     * Each row's and the total's medians and 90th percentiles of the period's durations, by kind (acknowledge,
     * resolve, close: two values each), from the day cells.
     */
    public static Map<Key, Double[]> percentiles(Connection c, String district, Period period, GroupBy groupBy,
                                                 Selection selection) throws SQLException {
        Selection.Sql where = selection.sql("department", "block", "officer");
        int kinds = Kind.values().length;
        Map<Key, List<List<double[]>>> durations = new LinkedHashMap<>();
        durations.put(TOTAL, parts(kinds));
        query(c, "select " + dims(groupBy, "department", "block", "officer") + ", 0, kind, seconds "
                + "from review_duration_day where district_code = ? and day >= ? and day <= ?" + where.conditions(),
                parameters(district, period.from(), period.to(), where), r -> {
                    int kind = r.getInt(5);
                    double[] values = Percentiles.decode(r.getBytes(6));
                    durations.get(TOTAL).get(kind).add(values);
                    if (groupBy != null) {
                        durations.computeIfAbsent(heldBy(r), k -> parts(kinds)).get(kind).add(values);
                    }
                });
        Map<Key, Double[]> percentiles = new HashMap<>();
        durations.forEach((key, byKind) -> {
            Double[] p = new Double[2 * kinds];
            for (int kind = 0; kind < kinds; kind++) {
                Double[] values = Percentiles.of(byKind.get(kind), 0.5, 0.9);
                p[2 * kind] = values[0];
                p[2 * kind + 1] = values[1];
            }
            percentiles.put(key, p);
        });
        return percentiles;
    }

    private static List<List<double[]>> parts(int kinds) {
        List<List<double[]>> parts = new ArrayList<>(kinds);
        for (int k = 0; k < kinds; k++) {
            parts.add(new ArrayList<>());
        }
        return parts;
    }

    /** The key the grouping set () is read under. */
    private static final Key TOTAL = new Key("\0total", null, null);

    private static Flows flows(long[] n, long transferredLater, Double[] p) {
        long rated = n[Measure.RATED.ordinal()];
        return new Flows(n[Measure.RECEIVED.ordinal()], n[Measure.ASSIGNED.ordinal()],
                n[Measure.ASSIGNED.ordinal()] - transferredLater, n[Measure.ESCALATED.ordinal()],
                n[Measure.ESCALATED_TO_LEVEL2.ordinal()], n[Measure.ESCALATED_TO_LEVEL3.ordinal()],
                n[Measure.REOPENED.ordinal()], n[Measure.DISPUTED.ordinal()], n[Measure.TRANSFERRED.ordinal()],
                n[Measure.RESOLVED.ordinal()], n[Measure.RESOLVED_ON_TIME.ordinal()],
                n[Measure.CLOSED_VERIFIED.ordinal()], n[Measure.CLOSED_UNVERIFIED.ordinal()], rated,
                rated == 0 ? null : n[Measure.RATING_SUM.ordinal()] / (double) rated,
                n[Measure.ACKNOWLEDGED.ordinal()], n[Measure.ACKNOWLEDGED_WITHIN_A_DAY.ordinal()],
                p[2 * Kind.ACKNOWLEDGE.ordinal()], p[2 * Kind.ACKNOWLEDGE.ordinal() + 1],
                n[Measure.FIRST_RESOLUTIONS.ordinal()], p[2 * Kind.RESOLVE.ordinal()],
                p[2 * Kind.RESOLVE.ordinal() + 1], p[2 * Kind.CLOSE.ordinal()], p[2 * Kind.CLOSE.ordinal() + 1]);
    }

    /**
     * Open grievances at {@code at}: now from the open rollups (counts by holder, level and status; only the
     * recent ones for ageing and those not yet due for overdue), or at a past period's end from the events.
     */
    public static Map<Key, Stocks> stocks(Connection c, String district, Instant at, boolean now, GroupBy groupBy,
                                          Selection selection) throws SQLException {
        return now ? stocksNow(c, district, at, groupBy, selection) : stocksAt(c, district, at, groupBy, selection);
    }

    /** Open grievances now by holder's department and block, level and status ({@code ""} for none). */
    public record OpenCell(String department, String block, String level, String status, long open, long overdue) {
    }

    /** Open and overdue grievances now, per department, block, level and status: the business gauges' cells. */
    public static List<OpenCell> openNow(Connection c, String district, Instant at) throws SQLException {
        Map<List<String>, Long> open = new LinkedHashMap<>();
        query(c, "select department, block, level_key, status, sum(grievances) from open_count "
                + "where district_code = ? group by 1, 2, 3, 4 having sum(grievances) <> 0", List.of(district),
                r -> open.put(List.of(r.getString(1), r.getString(2), r.getString(3), r.getString(4)),
                        r.getLong(5)));
        Map<List<String>, Long> notDue = new LinkedHashMap<>();
        query(c, "select department, block, level_key, status, count(*) from open_grievance where district_code = ? "
                + "and owing and due_at >= ? group by 1, 2, 3, 4",
                List.of(district, Timestamp.from(at)),
                r -> notDue.put(List.of(r.getString(1), r.getString(2), r.getString(3), r.getString(4)),
                        r.getLong(5)));
        List<OpenCell> cells = new ArrayList<>();
        open.forEach((k, n) -> cells.add(new OpenCell(none(k.get(0)), none(k.get(1)), k.get(2), k.get(3), n,
                ReviewContribution.OWING.contains(k.get(3)) ? n - notDue.getOrDefault(k, 0L) : 0)));
        return cells;
    }

    private static Map<Key, Stocks> stocksNow(Connection c, String district, Instant at, GroupBy groupBy,
                                              Selection selection) throws SQLException {
        Selection.Sql where = selection.sql("department", "block", "officer");
        String dims = dims(groupBy, "department", "block", "officer");
        Map<Key, Map<String, Long>> byStatus = new LinkedHashMap<>();
        Map<Key, Map<String, Long>> byLevel = new LinkedHashMap<>();
        query(c, "select " + dims + ", level_key, status, sum(grievances) from open_count where district_code = ?"
                + where.conditions() + " group by 1, 2, 3, 4, 5 having sum(grievances) <> 0",
                parameters(district, null, null, where), r -> {
                    Key key = heldBy(r);
                    long n = r.getLong(6);
                    byLevel.computeIfAbsent(key, k -> new TreeMap<>()).merge(r.getString(4), n, Long::sum);
                    byStatus.computeIfAbsent(key, k -> new TreeMap<>()).merge(r.getString(5), n, Long::sum);
                });
        // Ageing: only grievances registered in the last 51 days are under 51 days old; the rest are over 50.
        Instant days8 = at.minus(Duration.ofDays(8));
        Instant days22 = at.minus(Duration.ofDays(22));
        Instant days51 = at.minus(Duration.ofDays(51));
        Map<Key, long[]> young = new LinkedHashMap<>();
        List<Object> ageParameters = new ArrayList<>(List.of(Timestamp.from(days8), Timestamp.from(days8),
                Timestamp.from(days22), Timestamp.from(days22), district, Timestamp.from(days51)));
        ageParameters.addAll(where.parameters());
        query(c, "select " + dims + ", count(*) filter (where registered_at > ?), count(*) filter "
                + "(where registered_at <= ? and registered_at > ?), count(*) filter (where registered_at <= ?) "
                + "from open_grievance where district_code = ? and registered_at > ?" + where.conditions()
                + " group by 1, 2, 3", ageParameters,
                r -> young.put(heldBy(r), new long[] {r.getLong(4), r.getLong(5), r.getLong(6)}));
        // Overdue: of those owing action, all but the ones whose deadline is still ahead (or who have none).
        Map<Key, Long> notDue = new LinkedHashMap<>();
        List<Object> dueParameters = new ArrayList<>(List.of(district, Timestamp.from(at)));
        dueParameters.addAll(where.parameters());
        query(c, "select " + dims + ", count(*) from open_grievance where district_code = ? and owing "
                + "and due_at >= ?" + where.conditions() + " group by 1, 2, 3",
                dueParameters, r -> notDue.put(heldBy(r), r.getLong(4)));
        Map<Key, Stocks> rows = new LinkedHashMap<>();
        byStatus.forEach((key, statuses) -> {
            long open = statuses.values().stream().mapToLong(Long::longValue).sum();
            long owing = statuses.entrySet().stream().filter(e -> ReviewContribution.OWING.contains(e.getKey()))
                    .mapToLong(Map.Entry::getValue).sum();
            long[] ages = young.getOrDefault(key, new long[3]);
            rows.put(key, new Stocks(open, statuses, byLevel.get(key), owing - notDue.getOrDefault(key, 0L),
                    ages[0], ages[1], ages[2], open - ages[0] - ages[1] - ages[2]));
        });
        return rows;
    }

    private static Map<Key, Stocks> stocksAt(Connection c, String district, Instant at, GroupBy groupBy,
                                             Selection selection) throws SQLException {
        String dims = dims(groupBy, "department_code", "block", "officer_id");
        Selection.Sql where = selection.sql("department_code", "block", "officer_id");
        // A past moment's state is the one whose span holds it.
        String holds = " and occurred_at <= ? and (valid_to is null or valid_to > ?)";
        String sql = "select " + dims + """
                , case when to_status = 'REGISTERED' then null else level end, to_status, count(*),
                count(*) filter (where due_at < ?::timestamptz and to_status in (:owing)),
                count(*) filter (where registered_at > ?::timestamptz - interval '8 days'),
                count(*) filter (where registered_at <= ?::timestamptz - interval '8 days' and registered_at > ?::timestamptz - interval '22 days'),
                count(*) filter (where registered_at <= ?::timestamptz - interval '22 days' and registered_at > ?::timestamptz - interval '51 days'),
                count(*) filter (where registered_at <= ?::timestamptz - interval '51 days')
                from grievance_event where district_code = ? and to_status not in""" + " " + CLOSED + holds
                + where.conditions() + " group by 1, 2, 3, 4, 5";
        sql = sql.replace("(:owing)", WITH_OFFICIALS);
        Map<Key, List<Object[]>> parts = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            Timestamp t = Timestamp.from(at);
            for (int k = 0; k < 7; k++) {
                s.setTimestamp(i++, t);
            }
            s.setString(i++, district);
            s.setTimestamp(i++, t);
            s.setTimestamp(i++, t);
            for (Object parameter : where.parameters()) {
                s.setObject(i++, parameter);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Object level = r.getObject(4);
                    parts.computeIfAbsent(heldBy(r), k -> new ArrayList<>()).add(new Object[] {
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

    private static String totalFlag(GroupBy groupBy) {
        return groupBy == null ? "1" : "grouping(department)";
    }

    /** The rows and the total in one scan: grouping() tells the total apart from the not-yet-routed row. */
    private static String groupingSets(GroupBy groupBy) {
        return groupBy == null ? "" : " group by grouping sets ((" + String.join(", ",
                groupColumns(groupBy, "department", "block", "officer")) + "), ())";
    }

    /** The district, the period's first and last day when given, then the selection's parameters. */
    private static List<Object> parameters(String district, LocalDate from, LocalDate to, Selection.Sql where) {
        List<Object> parameters = new ArrayList<>();
        parameters.add(district);
        if (from != null) {
            parameters.add(from);
            parameters.add(to);
        }
        parameters.addAll(where.parameters());
        return parameters;
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet r) throws SQLException;
    }

    private static void query(Connection c, String sql, List<Object> parameters, RowReader reader)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                s.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    reader.read(r);
                }
            }
        }
    }

    /** A rollup row's key: its dimensions ("" read as none), or {@link #TOTAL} for the grouping set (). */
    private static Key rowKey(ResultSet r) throws SQLException {
        if (r.getInt(4) == 1) {
            return TOTAL;
        }
        return new Key(none(r.getString(1)), none(r.getString(2)), none(r.getString(3)));
    }

    /** A row's key from its first three columns ("" read as none). */
    private static Key heldBy(ResultSet r) throws SQLException {
        return new Key(none(r.getString(1)), none(r.getString(2)), none(r.getString(3)));
    }

    private static String none(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static List<String> groupColumns(GroupBy groupBy, String department, String block, String officer) {
        return groupBy.byOfficer() ? List.of(department, block, officer)
                : groupBy.byBlock() ? List.of(department, block) : List.of(department);
    }

    private static Double number(ResultSet r, int column) throws SQLException {
        double value = r.getDouble(column);
        return r.wasNull() ? null : value;
    }
}
