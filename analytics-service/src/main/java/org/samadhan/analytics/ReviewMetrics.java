package org.samadhan.analytics;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import org.samadhan.analytics.config.AnalyticsConfig;
import org.samadhan.analytics.persistence.ReviewQueries;
import org.samadhan.contracts.directory.DirectoryUnavailable;

/**
 * The review's business figures as Prometheus gauges, recomputed on a schedule: open and overdue grievances by
 * department, block, level and status, ageing, and the month's disputes, rates and grades by department. Labels are
 * bounded (district, department, block, level, status, age, rate): never a grievance, citizen or official.
 */
@ApplicationScoped
public class ReviewMetrics {

    private static final Logger LOG = Logger.getLogger(ReviewMetrics.class);

    private final AgroalDataSource dataSource;
    private final ReviewService review;
    private final AnalyticsConfig config;
    private final MultiGauge open;
    private final MultiGauge overdue;
    private final MultiGauge ageing;
    private final MultiGauge disputed;
    private final MultiGauge grade;
    private final MultiGauge rates;

    public ReviewMetrics(AgroalDataSource dataSource, ReviewService review, AnalyticsConfig config,
                         MeterRegistry registry) {
        this.dataSource = dataSource;
        this.review = review;
        this.config = config;
        this.open = MultiGauge.builder("samadhan.grievances.open").description("Open grievances now")
                .register(registry);
        this.overdue = MultiGauge.builder("samadhan.grievances.overdue")
                .description("Open grievances past their own current deadline").register(registry);
        this.ageing = MultiGauge.builder("samadhan.grievances.ageing")
                .description("Open grievances by whole days since registration").register(registry);
        this.disputed = MultiGauge.builder("samadhan.grievances.disputed")
                .description("Grievances marked disputed this month (not satisfied with the collector's resolution)")
                .register(registry);
        this.grade = MultiGauge.builder("samadhan.department.grade")
                .description("Department grade 0-100, month to date; absent when too few").register(registry);
        this.rates = MultiGauge.builder("samadhan.department.rate")
                .description("Department rates 0-1, month to date; absent when too few").register(registry);
    }

    @Scheduled(every = "${analytics.metrics-refresh}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            refreshStocks();
        } catch (SQLException e) {
            LOG.warnf("Business gauges not refreshed (SQL state %s)", e.getSQLState());
        }
    }

    /** The month's rates move slowly; a month's review is not worth running every few seconds. */
    @Scheduled(every = "${analytics.rates-refresh}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refreshRates() {
        try {
            refreshMonth();
        } catch (DirectoryUnavailable e) {
            LOG.debug("No directory yet; the month's rates wait for it");
        } catch (SQLException e) {
            LOG.warnf("Month's rates not refreshed (SQL state %s)", e.getSQLState());
        }
    }

    private void refreshStocks() throws SQLException {
        String district = config.district();
        List<MultiGauge.Row<?>> openRows = new ArrayList<>();
        List<MultiGauge.Row<?>> overdueRows = new ArrayList<>();
        List<MultiGauge.Row<?>> ageRows = new ArrayList<>();
        Instant now = Instant.now();
        var everything = new Selection(new Selection.Reviewer(Selection.Role.COLLECTOR, null, null), null, null, null);
        try (Connection c = dataSource.getConnection()) {
            for (ReviewQueries.OpenCell cell : ReviewQueries.openNow(c, district, now)) {
                Tags tags = Tags.of("district", district, "department", orNone(cell.department()), "block",
                        orNone(cell.block()), "level", cell.level(), "status", cell.status());
                openRows.add(MultiGauge.Row.of(tags, cell.open()));
                overdueRows.add(MultiGauge.Row.of(tags, cell.overdue()));
            }
            String[] buckets = {"0-7d", "8-21d", "22-50d", "over-50d"};
            ReviewQueries.stocks(c, district, now, true, GroupBy.DEPARTMENT, everything).forEach((key, stocks) -> {
                long[] ages = {stocks.age0To7(), stocks.age8To21(), stocks.age22To50(), stocks.ageOver50()};
                for (int i = 0; i < 4; i++) {
                    ageRows.add(MultiGauge.Row.of(Tags.of("district", district, "department",
                            orNone(key.department()), "age", buckets[i]), ages[i]));
                }
            });
        }
        open.register(openRows, true);
        overdue.register(overdueRows, true);
        ageing.register(ageRows, true);
    }

    private static String orNone(String value) {
        return value == null ? "none" : value;
    }

    private void refreshMonth() throws SQLException {
        String district = config.district();
        LocalDate today = LocalDate.now(Period.IST);
        Period month = new Period(today.withDayOfMonth(1), today);
        var collector = new Selection.Reviewer(Selection.Role.COLLECTOR, null, null);
        ReviewService.Report report = review.review(collector, month, GroupBy.DEPARTMENT, null, null, null);
        List<MultiGauge.Row<?>> disputedRows = new ArrayList<>();
        List<MultiGauge.Row<?>> gradeRows = new ArrayList<>();
        List<MultiGauge.Row<?>> rateRows = new ArrayList<>();
        for (ReviewRow row : report.rows()) {
            if (row.departmentCode() == null) {
                continue;
            }
            Tags tags = Tags.of("district", district, "department", row.departmentCode());
            disputedRows.add(MultiGauge.Row.of(tags, row.disputed()));
            if (row.grade() != null) {
                gradeRows.add(MultiGauge.Row.of(tags, row.grade()));
            }
            rate(rateRows, tags, "sla_compliance", row.slaCompliance());
            rate(rateRows, tags, "verified_closure", row.verifiedClosureRate());
            rate(rateRows, tags, "reopen", row.reopenRate());
            rate(rateRows, tags, "first_time_right", row.firstTimeRight());
            rate(rateRows, tags, "satisfaction", row.satisfaction());
        }
        disputed.register(disputedRows, true);
        grade.register(gradeRows, true);
        rates.register(rateRows, true);
    }

    private static void rate(List<MultiGauge.Row<?>> rows, Tags tags, String name, Double value) {
        if (value != null) {
            rows.add(MultiGauge.Row.of(tags.and("rate", name), value));
        }
    }

    /** For tests: recompute now rather than on the next tick. */
    public void refreshNow() {
        refresh();
        refreshRates();
    }
}
