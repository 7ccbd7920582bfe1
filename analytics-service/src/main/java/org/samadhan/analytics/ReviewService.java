package org.samadhan.analytics;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.samadhan.analytics.config.AnalyticsConfig;
import org.samadhan.analytics.persistence.DeliveryQueries;
import org.samadhan.analytics.persistence.ReviewQueries;
import org.samadhan.analytics.persistence.ReviewQueries.Key;
import org.samadhan.contracts.directory.DistrictDirectory;
import org.samadhan.messaging.DirectoryCopy;

/** Answers the collector's review, its trends and its counts of habitual complainants, within the caller's scope. */
@ApplicationScoped
public class ReviewService {

    /** The review of one period. */
    public record Report(String district, LocalDate from, LocalDate to, String groupBy, int minimumVolume,
                         Instant stockAt, List<ReviewRow> rows, ReviewRow total,
                         Map<String, DeliveryQueries.Health> delivery) {
    }

    /** A trend: one point per day, week or month of the period. */
    public record Trend(String interval, List<Point> points) {
    }

    /** The main figures of one interval. */
    public record Point(LocalDate from, LocalDate to, long received, long resolved, long closedVerified,
                        long closedUnverified, long reopened, long escalated, long open, long overdue,
                        Double slaCompliance, Double verifiedClosureRate) {
    }

    /** Citizens who filed more than {@code threshold} grievances in a month: how many, never who. */
    public record Habitual(YearMonth month, int threshold, long citizens, long grievances) {
    }

    private final AgroalDataSource dataSource;
    private final ExecutorService readers = Executors.newFixedThreadPool(4, task -> {
        Thread thread = new Thread(task, "review-reader");
        thread.setDaemon(true);
        return thread;
    });
    private final DirectoryCopy directory;
    private final AnalyticsConfig config;

    public ReviewService(AgroalDataSource dataSource, DirectoryCopy directory, AnalyticsConfig config) {
        this.dataSource = dataSource;
        this.directory = directory;
        this.config = config;
    }

    public Report review(Selection.Reviewer reviewer, Period period, GroupBy groupBy, String department,
                         String block, String officer) throws SQLException {
        Instant now = Instant.now();
        Instant stockAt = period.stockAt(now);
        try (Connection c = dataSource.getConnection()) {
            Selection selection = select(c, reviewer, department, block, officer);
            boolean current = stockAt.equals(now);
            // Stocks and durations on connections of their own meanwhile: the review's parts use every core.
            Future<Map<Key, ReviewQueries.Stocks>> stocksRead = readers.submit(() -> {
                try (Connection s = dataSource.getConnection()) {
                    return ReviewQueries.stocks(s, config.district(), stockAt, current, groupBy, selection);
                }
            });
            Future<Map<Key, Double[]>> percentilesRead = readers.submit(() -> {
                try (Connection s = dataSource.getConnection()) {
                    return ReviewQueries.percentiles(s, config.district(), period, groupBy, selection);
                }
            });
            ReviewQueries.FlowTable flowTable = ReviewQueries.flows(c, config.district(), period, groupBy,
                    selection, () -> result(percentilesRead));
            Map<Key, ReviewQueries.Flows> flows = flowTable.rows();
            Map<Key, ReviewQueries.Stocks> stocks = result(stocksRead);
            Set<Key> keys = new LinkedHashSet<>(flows.keySet());
            keys.addAll(stocks.keySet());
            List<ReviewRow> rows = new ArrayList<>();
            for (Key key : keys) {
                rows.add(ReviewRow.of(key, flows.get(key), stocks.get(key), config.minimumVolume()));
            }
            rows.sort(Comparator.comparing(ReviewRow::departmentCode, Comparator.nullsFirst(Comparator.naturalOrder()))
                    .thenComparing(ReviewRow::block, Comparator.nullsFirst(Comparator.naturalOrder()))
                    .thenComparing(ReviewRow::officerId, Comparator.nullsFirst(Comparator.naturalOrder())));
            ReviewRow total = ReviewRow.of(new Key(null, null, null), flowTable.total(),
                    ReviewQueries.Stocks.sum(stocks.values()), config.minimumVolume());
            return new Report(config.district(), period.from(), period.to(),
                    groupBy.name().toLowerCase(Locale.ROOT), config.minimumVolume(), stockAt, ranked(rows), total,
                    DeliveryQueries.health(c, config.district(), period.start(), period.end(), selection));
        }
    }

    public Trend trend(Selection.Reviewer reviewer, Period period, String interval, String department, String block,
                       String officer) throws SQLException {
        String step = interval == null || interval.isBlank() ? "week" : interval.strip().toLowerCase(Locale.ROOT);
        if (!List.of("day", "week", "month").contains(step)) {
            throw new InvalidInput("interval", "interval must be day, week or month");
        }
        Instant now = Instant.now();
        List<Point> points = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            Selection selection = select(c, reviewer, department, block, officer);
            for (LocalDate start = period.from(); !start.isAfter(period.to()); ) {
                LocalDate next = switch (step) {
                    case "day" -> start.plusDays(1);
                    case "week" -> start.plusWeeks(1);
                    default -> start.plusMonths(1);
                };
                LocalDate last = next.minusDays(1).isAfter(period.to()) ? period.to() : next.minusDays(1);
                Period p = new Period(start, last);
                Instant at = p.stockAt(now);
                ReviewRow row = ReviewRow.of(new Key(null, null, null),
                        ReviewQueries.flows(c, config.district(), p, null, selection).total(),
                        ReviewQueries.stocks(c, config.district(), at, at.equals(now), null, selection).values()
                                .stream().findFirst().orElse(null), config.minimumVolume());
                points.add(new Point(start, last, row.received(), row.resolved(), row.closedVerified(),
                        row.closedUnverified(), row.reopened(), row.escalated(), row.open(), row.overdue(),
                        row.slaCompliance(), row.verifiedClosureRate()));
                start = next;
            }
        }
        return new Trend(step, points);
    }

    public Habitual habitual(Selection.Reviewer reviewer, String month, Integer threshold) throws SQLException {
        YearMonth ym;
        try {
            ym = month == null || month.isBlank() ? YearMonth.now(Period.IST) : YearMonth.parse(month.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInput("month", "month must be like 2026-11, not \"" + month + "\"");
        }
        int n = threshold == null ? config.habitualThreshold() : threshold;
        if (n < 1) {
            throw new InvalidInput("threshold", "threshold must be at least 1");
        }
        try (Connection c = dataSource.getConnection()) {
            Selection.Sql where = select(c, reviewer, null, null, null)
                    .sql("charged_department", "charged_block", "charged_officer");
            try (PreparedStatement s = c.prepareStatement("""
                    select count(*), coalesce(sum(filed), 0) from (
                        select count(*) as filed from grievance_event
                        where district_code = ? and action = 'REGISTER' and citizen_ref is not null
                            and occurred_at >= ? and occurred_at < ?""" + where.conditions()
                    + " group by citizen_ref having count(*) > ?) habitual")) {
                int i = 1;
                s.setString(i++, config.district());
                s.setTimestamp(i++, Timestamp.from(ym.atDay(1).atStartOfDay(Period.IST).toInstant()));
                s.setTimestamp(i++, Timestamp.from(ym.plusMonths(1).atDay(1).atStartOfDay(Period.IST).toInstant()));
                for (Object parameter : where.parameters()) {
                    s.setObject(i++, parameter);
                }
                s.setInt(i, n);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    return new Habitual(ym, n, r.getLong(1), r.getLong(2));
                }
            }
        }
    }

    /** Each department's names by language (en, hi), from the directory, for the CSV. */
    public Map<String, Map<String, String>> departmentNames() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Map<String, Map<String, String>> names = new java.util.HashMap<>();
            directory.of(c, config.district()).departments().forEach(d -> names.put(d.code(), d.name()));
            return names;
        }
    }

    /** The caller's scope and the filters, each filter checked against the district's directory. */
    private Selection select(Connection c, Selection.Reviewer reviewer, String department, String block,
                             String officer) throws SQLException {
        DistrictDirectory known = directory.of(c, config.district());
        String d = blankToNull(department);
        String b = blankToNull(block);
        String o = blankToNull(officer);
        if (d != null && known.departments().stream().noneMatch(x -> x.code().equals(d))) {
            throw new InvalidInput("department", "No department " + d + " in " + config.district());
        }
        if (b != null && known.blocks().stream().noneMatch(x -> x.equalsIgnoreCase(b))) {
            throw new InvalidInput("block", "No block " + b + " in " + config.district());
        }
        if (o != null && known.officials().stream().noneMatch(x -> x.id().equals(o))) {
            throw new InvalidInput("officer", "No official " + o + " in " + config.district());
        }
        return new Selection(reviewer, d, b, o);
    }

    /** Graded rows ranked by grade (1 = best, equal grades share a place); rows without a grade are not ranked. */
    private static List<ReviewRow> ranked(List<ReviewRow> rows) {
        List<ReviewRow> result = new ArrayList<>(rows.size());
        for (ReviewRow row : rows) {
            if (row.grade() == null) {
                result.add(row);
            } else {
                long better = rows.stream().filter(r -> r.grade() != null && r.grade() > row.grade()).count();
                result.add(row.ranked((int) better + 1));
            }
        }
        return result;
    }

    private static <T> T result(Future<T> read) throws SQLException {
        try {
            return read.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while reading the review's stocks", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
