package org.samadhan.portal.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.samadhan.portal.client.AnalyticsApi;
import org.samadhan.portal.client.BackendRefusal;
import org.samadhan.portal.client.Directory;
import org.samadhan.portal.i18n.ReviewMessages;

/**
 * The collector's review: analytics-service's figures for a period by department, block or official (the API
 * applies the official's scope; the page only adapts its headings), the grade ranking, the ageing heat map, eight
 * weeks of trend, a CSV of the same rows, and a print layout for the weekly meeting. Every count links to the
 * worklist list behind it where the worklist has that list, and to nothing otherwise.
 */
@Path("/")
public class ReviewPage {

    /** The table's columns in order; {@code figure} names the analytics field, also used in tests and CSS. */
    public enum Column {
        RECEIVED("received"), OPEN("open"), OVERDUE("overdue"), AWAITING("awaitingCitizen"), REOPENED("reopened"),
        DISPUTED("disputed"), RESOLVED("resolved"), CLOSED_VERIFIED("closedVerified"),
        CLOSED_UNVERIFIED("closedUnverified"), VERIFIED_CLOSURE_RATE("verifiedClosureRate"),
        SLA_COMPLIANCE("slaCompliance"), MEDIAN_HOURS("medianHoursToResolve"), P90_HOURS("p90HoursToResolve"),
        SATISFACTION("satisfaction"), AVERAGE_RATING("averageRating"), FIRST_TIME_RIGHT("firstTimeRight"),
        GRADE("grade"), RANK("rank");

        public final String figure;

        Column(String figure) {
            this.figure = figure;
        }

        public String getFigure() {
            return figure;
        }
    }

    /** One figure as shown: its text, the worklist behind it (or null), and whether it is "too few". */
    public record Cell(Column column, String text, String href, boolean tooFew) {
    }

    /** One line of the table: who it is about, the next level down (or null), its figures. */
    public record Line(String key, String label, String drill, String drillTitle, List<Cell> cells, Double grade,
                       Integer rank) {

        public String gradeText() {
            return grade == null ? "" : ReviewFormat.decimal(grade);
        }
    }

    /** A step of the drill-down path back up. */
    public record Crumb(String label, String href) {
    }

    /** A choice of the period picker. */
    public record Choice(String param, boolean current, String href) {
    }

    public record Review(String heading, String cut, String department, String block, ReviewPeriod period, String error, List<Choice> periods,
                         List<Crumb> crumbs, List<Line> lines, Line total, List<Line> ranking, HeatMap ageing,
                         TrendChart trend, int minimumVolume, Instant stockAt, boolean stocksAreNow, String csvEn,
                         String csvHi, String shownFrom, String shownTo) {

        public List<Column> columns() {
            return List.of(Column.values());
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance review(Review review);
    }

    private final AnalyticsApi analytics;
    private final Directory directory;
    private final Language language;
    private final Viewer viewer;

    public ReviewPage(@RestClient AnalyticsApi analytics, Directory directory, Language language, Viewer viewer) {
        this.analytics = analytics;
        this.directory = directory;
        this.language = language;
        this.viewer = viewer;
    }

    @GET
    @Path("review")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page(@QueryParam("period") String period, @QueryParam("from") String from,
                                 @QueryParam("to") String to, @QueryParam("groupBy") String groupBy,
                                 @QueryParam("department") String department, @QueryParam("block") String block) {
        Instant now = Instant.now();
        String error = null;
        ReviewPeriod chosen;
        try {
            chosen = ReviewPeriod.of(period, from, to, now);
        } catch (ReviewPeriod.Invalid e) {
            error = "period";
            chosen = ReviewPeriod.of(null, null, null, now);
        }
        Scope scope = new Scope(cut(groupBy), WorklistPage.blankToNull(department), WorklistPage.blankToNull(block));
        AnalyticsApi.Report report;
        AnalyticsApi.Trend trend;
        try {
            report = analytics.review(chosen.from(), chosen.to(), scope.cut, scope.department, scope.block, null);
            ReviewPeriod weeks = chosen.trendWeeks();
            trend = analytics.trend(weeks.from(), weeks.to(), "week", scope.department, scope.block, null);
        } catch (BackendRefusal e) {
            if (e.status() != 400) {
                throw e;
            }
            // A filter the directory no longer knows (an edited address): say so, and offer the district again.
            return Templates.review(new Review(heading(new Scope("department", null, null)), "department", null, null, chosen,
                    "filter", periods(chosen, scope), List.of(), List.of(), null, List.of(), null, null, 0, now,
                    false, null, null, date(chosen.from()), date(chosen.to()))).setLocale(language.locale());
        }
        return Templates.review(review(chosen, scope, report, trend, error, now)).setLocale(language.locale());
    }

    /** analytics' CSV of the same rows, fetched with the official's token and passed through as a download. */
    @GET
    @Path("review.csv")
    @Produces("text/csv")
    public Response csv(@QueryParam("period") String period, @QueryParam("from") String from,
                        @QueryParam("to") String to, @QueryParam("groupBy") String groupBy,
                        @QueryParam("department") String department, @QueryParam("block") String block,
                        @QueryParam("lang") String lang) {
        ReviewPeriod chosen;
        try {
            chosen = ReviewPeriod.of(period, from, to, Instant.now());
        } catch (ReviewPeriod.Invalid e) {
            return Response.status(400).type(MediaType.TEXT_PLAIN_TYPE).entity(e.getMessage()).build();
        }
        String csvLanguage = "hi".equals(lang) || "en".equals(lang) ? lang : language.code();
        InputStream body = analytics.csv(chosen.from(), chosen.to(), cut(groupBy), WorklistPage.blankToNull(department),
                WorklistPage.blankToNull(block), null, csvLanguage);
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition",
                        "attachment; filename=\"review-" + chosen.from() + "-" + chosen.to() + ".csv\"")
                .build();
    }

    /** What the table is cut by and narrowed to. */
    record Scope(String cut, String department, String block) {

        String query() {
            StringBuilder q = new StringBuilder("&groupBy=").append(cut);
            append(q, "department", department);
            append(q, "block", block);
            return q.toString();
        }
    }

    private Review review(ReviewPeriod period, Scope scope, AnalyticsApi.Report report, AnalyticsApi.Trend trend,
                          String error, Instant now) {
        boolean stocksNow = period.endsToday(now);
        List<Line> lines = new ArrayList<>();
        List<Map.Entry<String, Map<String, Long>>> ageing = new ArrayList<>();
        for (AnalyticsApi.Row row : report.rows()) {
            Line line = line(row, period, scope, stocksNow, false);
            lines.add(line);
            ageing.add(Map.entry(line.label(), row.ageing() == null ? Map.of() : row.ageing()));
        }
        Line total = report.total() == null ? null : line(report.total(), period, scope, stocksNow, true);
        List<Line> ranking = new ArrayList<>(lines);
        ranking.sort(Comparator.comparing((Line l) -> l.rank() == null ? Integer.MAX_VALUE : l.rank())
                .thenComparing(Line::label));
        String csv = "/review.csv?" + period.query() + scope.query() + "&lang=";
        return new Review(heading(scope), scope.cut, scope.department, scope.block, period, error, periods(period, scope), crumbs(period, scope),
                lines, total, ranking, HeatMap.of(ageing), TrendChart.of(trend.points(), language.locale()),
                report.minimumVolume(), report.stockAt(), stocksNow, csv + "en", csv + "hi", date(period.from()),
                date(period.to()));
    }

    private Line line(AnalyticsApi.Row row, ReviewPeriod period, Scope scope, boolean stocksNow, boolean total) {
        String key;
        String label;
        String drill = null;
        String drillTitle = null;
        // Which worklist filter selects this line's grievances; null when the worklist cannot select them.
        String department = total ? scope.department : row.departmentCode();
        String block = total ? scope.block : row.block();
        boolean listable = stocksNow;
        if (total) {
            key = "total";
            label = text().total();
        } else if ("officer".equals(scope.cut)) {
            key = row.officerId() == null ? "-" : row.officerId();
            label = row.officerId() == null ? text().no_official() : directory.officialName(row.officerId());
            listable = false; // the worklist has no filter by official: a block's list would be a wrong one
        } else if ("block".equals(scope.cut)) {
            key = row.block() == null ? "-" : row.block();
            label = row.block() == null ? text().no_block() : row.block();
            listable &= row.block() != null;
            if (row.block() != null && row.departmentCode() != null) {
                drill = "/review?" + period.query() + new Scope("officer", row.departmentCode(), row.block()).query();
                drillTitle = text().drill(label, "officer");
            }
        } else {
            key = row.departmentCode() == null ? "-" : row.departmentCode();
            label = row.departmentCode() == null ? text().not_routed()
                    : directory.departmentName(row.departmentCode(), language.code());
            listable &= row.departmentCode() != null;
            if (row.departmentCode() != null) {
                drill = "/review?" + period.query() + new Scope("block", row.departmentCode(), null).query();
                drillTitle = text().drill(label, "block");
            }
        }
        String worklist = listable ? worklistQuery(department, block) : null;
        List<Cell> cells = new ArrayList<>();
        for (Column c : Column.values()) {
            cells.add(cell(c, row, worklist, total));
        }
        return new Line(key, label, drill, drillTitle, cells, row.grade(), row.rank());
    }

    private Cell cell(Column c, AnalyticsApi.Row r, String worklist, boolean total) {
        return switch (c) {
            case RECEIVED -> count(c, r.received(), null);
            case OPEN -> count(c, r.open(), link(worklist, "all"));
            case OVERDUE -> count(c, r.overdue(), link(worklist, "overdue"));
            case AWAITING -> count(c, r.openIn("RESOLVED"), link(worklist, "awaiting"));
            // Reopened is a flow (citizens' rejections in the period); the worklist's tab holds those reopened now.
            case REOPENED -> count(c, r.reopened(), null);
            case DISPUTED -> count(c, r.disputed(), null);
            case RESOLVED -> count(c, r.resolved(), null);
            case CLOSED_VERIFIED -> count(c, r.closedVerified(), null);
            case CLOSED_UNVERIFIED -> count(c, r.closedUnverified(), null);
            case VERIFIED_CLOSURE_RATE -> rate(c, r, r.verifiedClosureRate(), ReviewFormat::percent);
            case SLA_COMPLIANCE -> rate(c, r, r.slaCompliance(), ReviewFormat::percent);
            case MEDIAN_HOURS -> rate(c, r, r.medianHoursToResolve(), ReviewFormat::decimal);
            case P90_HOURS -> rate(c, r, r.p90HoursToResolve(), ReviewFormat::decimal);
            case SATISFACTION -> rate(c, r, r.satisfaction(), ReviewFormat::percent);
            case AVERAGE_RATING -> rate(c, r, r.averageRating(), ReviewFormat::decimal);
            case FIRST_TIME_RIGHT -> rate(c, r, r.firstTimeRight(), ReviewFormat::percent);
            // A row under the minimum volume has no grade: "too few", never a number that could top the league.
            case GRADE -> r.grade() != null ? new Cell(c, ReviewFormat.decimal(r.grade()), null, false)
                    : total ? new Cell(c, "", null, false) : new Cell(c, text().too_few(), null, true);
            case RANK -> new Cell(c, r.rank() == null ? "" : Integer.toString(r.rank()), null, false);
        };
    }

    private static Cell count(Column c, long value, String href) {
        return new Cell(c, Long.toString(value), value > 0 ? href : null, false);
    }

    private Cell rate(Column c, AnalyticsApi.Row r, Double value, Function<Double, String> format) {
        if (value != null) {
            return new Cell(c, format.apply(value), null, false);
        }
        boolean tooFew = r.tooFew(c.figure);
        return new Cell(c, tooFew ? text().too_few() : "–", null, tooFew);
    }

    private String worklistQuery(String department, String block) {
        StringBuilder q = new StringBuilder();
        if (viewer.choosesDepartment()) {
            append(q, "department", department);
        }
        if (viewer.choosesBlock()) {
            append(q, "block", block);
        }
        return q.toString();
    }

    private static String link(String worklistQuery, String tab) {
        return worklistQuery == null ? null : "/worklist?tab=" + tab + worklistQuery;
    }

    private String heading(Scope scope) {
        String department = scope.department != null ? scope.department : viewer.department();
        String block = scope.block != null ? scope.block : viewer.choosesBlock() ? null : viewer.block();
        if (department == null) {
            return text().heading_district();
        }
        String name = directory.departmentName(department, language.code());
        return block == null ? text().heading_department(name) : text().heading_block(name, block);
    }

    private List<Choice> periods(ReviewPeriod period, Scope scope) {
        List<Choice> choices = new ArrayList<>();
        for (ReviewPeriod.Preset p : ReviewPeriod.Preset.values()) {
            if (p != ReviewPeriod.Preset.CUSTOM) {
                choices.add(new Choice(p.param(), p == period.preset(), "/review?period=" + p.param() + scope.query()));
            }
        }
        return choices;
    }

    private List<Crumb> crumbs(ReviewPeriod period, Scope scope) {
        List<Crumb> crumbs = new ArrayList<>();
        String p = "/review?" + period.query();
        if (viewer.choosesDepartment()) {
            crumbs.add(new Crumb(text().crumb_district(), p + new Scope("department", null, null).query()));
        }
        String department = scope.department != null ? scope.department : viewer.department();
        if (department != null && (scope.department != null || !"department".equals(scope.cut))) {
            crumbs.add(new Crumb(directory.departmentName(department, language.code()),
                    p + new Scope("block", department, null).query()));
        }
        if (scope.block != null && department != null) {
            crumbs.add(new Crumb(scope.block, p + new Scope("officer", department, scope.block).query()));
        }
        return crumbs;
    }

    private String date(java.time.LocalDate day) {
        return java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", language.locale()).format(day);
    }

    /** The strings in the request's language (this resource is a singleton; the language is the request's). */
    private ReviewMessages text() {
        return "hi".equals(language.code()) ? MessageBundles.get(ReviewMessages.class, Localized.Literal.of("hi"))
                : MessageBundles.get(ReviewMessages.class);
    }

    static String cut(String groupBy) {
        String g = groupBy == null ? "" : groupBy.strip().toLowerCase(Locale.ROOT);
        return List.of("department", "block", "officer").contains(g) ? g : "department";
    }

    private static void append(StringBuilder q, String name, String value) {
        if (value != null) {
            q.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }
}
