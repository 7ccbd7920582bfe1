package org.samadhan.grievance.persistence;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.samadhan.grievance.OfficerScope;
import org.samadhan.grievance.workflow.GrievanceStatus;

/** Read side for the officers' API: lists and tab counts within a scope, one grievance with its history. */
public final class GrievanceQueries {

    private static final List<GrievanceStatus> OPEN_STATUSES = List.of(GrievanceStatus.ASSIGNED,
            GrievanceStatus.IN_PROGRESS, GrievanceStatus.REOPENED);
    private static final String OPEN = statusList(OPEN_STATUSES);
    /** Every status a worklist tab counts: the open ones and those awaiting the citizen (V5's partial index). */
    private static final String ACTIVE = statusList(List.of(GrievanceStatus.ASSIGNED, GrievanceStatus.IN_PROGRESS,
            GrievanceStatus.REOPENED, GrievanceStatus.RESOLVED));

    private GrievanceQueries() {
    }

    /** What the officers' list can be narrowed by; null or empty means no restriction. */
    public record Filter(List<GrievanceStatus> statuses, String department, String block, boolean overdue,
                         String text, int page, int size) {

        /** The same narrowing without status, overdue and paging: what the tab counts are taken over. */
        public Filter withoutTabs() {
            return new Filter(List.of(), department, block, false, text, 0, 1);
        }
    }

    /**
     * The worklist's tabs: how many grievances the list would total with {@code status=ASSIGNED} ("new"),
     * {@code IN_PROGRESS}, {@code REOPENED}, {@code overdue=true} and {@code status=RESOLVED} (awaiting the citizen).
     */
    public record Counts(@JsonProperty("new") long assigned, long inProgress, long reopened, long overdue,
                         long awaitingCitizen) {
    }

    /** One row of the officers' list. */
    public record Summary(UUID id, String number, GrievanceStatus status, String departmentCode, String block,
                          String village, int level, String officerId, boolean disputed, Instant dueAt,
                          boolean overdue, Instant createdAt, String description) {
    }

    /** A page of the list; {@code total} counts only what the caller may see. */
    public record Page(List<Summary> items, int page, int size, long total) {
    }

    /** One grievance as an official sees it. The citizen's WhatsApp number is not part of it. */
    public record Detail(UUID id, String number, String districtCode, GrievanceStatus status, long version,
                         String language, String description, String category, Double latitude, Double longitude,
                         String block, String village, String attachments, String departmentCode, String officerId,
                         int level, Instant dueAt, boolean overdue, Instant feedbackDueAt, String resolutionNote,
                         String resolutionPhoto, Integer rating, boolean disputed, Instant createdAt,
                         Instant updatedAt, Instant closedAt, List<HistoryEntry> history) {
    }

    /** One transition, as audited; {@code fromOfficer} and {@code toOfficer} when it handed the grievance on. */
    public record HistoryEntry(long version, String action, String fromStatus, String toStatus, String actorId,
                               String actorRole, String reason, String fromOfficer, String toOfficer,
                               Instant occurredAt) {
    }

    /** The id for a grievance UUID or number (BLD-2026-000123) inside the scope, or null. */
    public static UUID find(Connection c, String reference, OfficerScope scope) throws SQLException {
        UUID id = asUuid(reference);
        var where = new Where(scope);
        where.and(id != null ? "id = ?" : "number = ?", id != null ? id : reference.strip().toUpperCase());
        try (PreparedStatement select = where.prepare(c, "select id from grievance" + where.sql(), List.of());
             ResultSet r = select.executeQuery()) {
            return r.next() ? r.getObject(1, UUID.class) : null;
        }
    }

    public static Page list(Connection c, OfficerScope scope, Filter filter, Instant now) throws SQLException {
        var where = Where.of(scope, filter, now);
        long total;
        try (PreparedStatement count = where.prepare(c, "select count(*) from grievance" + where.sql(), List.of());
             ResultSet r = count.executeQuery()) {
            r.next();
            total = r.getLong(1);
        }
        List<Summary> items = new ArrayList<>();
        try (PreparedStatement select = where.prepare(c, """
                select id, number, status, department_code, block, village, level, due_at, created_at,
                       left(description, 160), officer_id, disputed
                from grievance""" + where.sql() + " order by " + order(filter) + " limit ? offset ?",
                List.of(filter.size(), (long) filter.page() * filter.size()));
             ResultSet r = select.executeQuery()) {
            while (r.next()) {
                GrievanceStatus status = GrievanceStatus.valueOf(r.getString(3));
                Instant due = instant(r, 8);
                items.add(new Summary(r.getObject(1, UUID.class), r.getString(2), status, r.getString(4),
                        r.getString(5), r.getString(6), r.getInt(7), r.getString(11), r.getBoolean(12), due,
                        isOverdue(status, due, now),
                        instant(r, 9), r.getString(10)));
            }
        }
        return new Page(items, filter.page(), filter.size(), total);
    }

    /**
     * The tab counts in one scan, under the list's own where clause (the same scope and narrowing), each tab's
     * condition being exactly the one its list filter adds, so a tab's count is the total its list shows.
     */
    public static Counts counts(Connection c, OfficerScope scope, Filter filter, Instant now) throws SQLException {
        Filter narrowing = filter.withoutTabs();
        var where = Where.of(scope, narrowing, now);
        // Every tab is within the active statuses: saying so lets PostgreSQL count from V5's partial index alone.
        where.and("status in " + ACTIVE);
        StringBuilder select = new StringBuilder("select");
        for (GrievanceStatus tab : OPEN_STATUSES) {
            select.append(" count(*) filter (where status = '").append(tab.name()).append("'),");
        }
        select.append(" count(*) filter (where ").append(Where.OVERDUE).append("),");
        select.append(" count(*) filter (where status = '").append(GrievanceStatus.RESOLVED.name()).append("')");
        try (PreparedStatement count = where.prepare(c, select + " from grievance" + where.sql(),
                List.of(Timestamp.from(now)), List.of());
             ResultSet r = count.executeQuery()) {
            r.next();
            return new Counts(r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5));
        }
    }

    public static Detail detail(Connection c, UUID id, Instant now) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("""
                select number, district_code, status, version, language, description, category, latitude, longitude,
                       block, village, attachments::text, department_code, officer_id, level, due_at, feedback_due_at,
                       resolution_note, resolution_photo, rating, created_at, updated_at, closed_at, disputed
                from grievance where id = ?""")) {
            select.setObject(1, id);
            try (ResultSet r = select.executeQuery()) {
                if (!r.next()) {
                    return null;
                }
                GrievanceStatus status = GrievanceStatus.valueOf(r.getString(3));
                Instant due = instant(r, 16);
                int rating = r.getInt(20);
                Integer ratingOrNull = r.wasNull() ? null : rating;
                return new Detail(id, r.getString(1), r.getString(2), status, r.getLong(4), r.getString(5),
                        r.getString(6), r.getString(7), (Double) r.getObject(8), (Double) r.getObject(9),
                        r.getString(10), r.getString(11), r.getString(12), r.getString(13), r.getString(14),
                        r.getInt(15), due, isOverdue(status, due, now), instant(r, 17), r.getString(18),
                        r.getString(19), ratingOrNull, r.getBoolean(24), instant(r, 21), instant(r, 22),
                        instant(r, 23), history(c, id));
            }
        }
    }

    private static List<HistoryEntry> history(Connection c, UUID id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("""
                select version, action, from_status, to_status, actor_id, actor_role, reason, from_officer,
                       to_officer, occurred_at
                from grievance_history where grievance_id = ? order by version""")) {
            select.setObject(1, id);
            List<HistoryEntry> entries = new ArrayList<>();
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    entries.add(new HistoryEntry(r.getLong(1), r.getString(2), r.getString(3), r.getString(4),
                            r.getString(5), r.getString(6), r.getString(7), r.getString(8), r.getString(9),
                            instant(r, 10)));
                }
            }
            return entries;
        }
    }

    private static boolean isOverdue(GrievanceStatus status, Instant due, Instant now) {
        return due != null && due.isBefore(now)
                && (status == GrievanceStatus.ASSIGNED || status == GrievanceStatus.IN_PROGRESS
                || status == GrievanceStatus.REOPENED);
    }

    private static UUID asUuid(String reference) {
        try {
            return UUID.fromString(reference.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        Timestamp value = r.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    /** A where clause built from the caller's scope and filters, with its parameters in order. */
    /**
     * Open grievances first, then by deadline, newest first. When the list holds only open or only other statuses the
     * first key is the same for every row and is left out, so that PostgreSQL reads the list in order from the
     * deadline index instead of sorting everything in scope.
     */
    private static String order(Filter filter) {
        List<GrievanceStatus> statuses = filter.overdue() ? OPEN_STATUSES : filter.statuses();
        boolean uniform = statuses != null && !statuses.isEmpty()
                && (OPEN_STATUSES.containsAll(statuses) || statuses.stream().noneMatch(OPEN_STATUSES::contains));
        return (uniform ? "" : "(status in " + OPEN + ") desc, ") + "due_at asc nulls last, created_at desc";
    }

    /**
     * {@code ('A', 'B')}: statuses written into the statement rather than bound, so that the planner can match them
     * to the partial indexes (their names are the enum's own, never the caller's text).
     */
    private static String statusList(List<GrievanceStatus> statuses) {
        return statuses.stream().map(s -> "'" + s.name() + "'")
                .collect(java.util.stream.Collectors.joining(", ", "(", ")"));
    }

    private static final class Where {
        static final String OVERDUE = "status in " + OPEN + " and due_at < ?";

        private final StringBuilder sql = new StringBuilder(" where true");
        private final List<Object> parameters = new ArrayList<>();

        Where(OfficerScope scope) {
            switch (scope.role()) {
                case COLLECTOR -> { }
                case DEPARTMENT_HEAD -> and("department_code = ?", scope.department());
                case OFFICER -> and("department_code = ? and lower(block) = lower(?)", scope.department(),
                        scope.block());
                default -> sql.append(" and false");
            }
        }

        static Where of(OfficerScope scope, Filter filter, Instant now) {
            var where = new Where(scope);
            if (filter.statuses() != null && !filter.statuses().isEmpty()) {
                where.and("status in " + statusList(filter.statuses()));
            }
            if (filter.department() != null) {
                where.and("department_code = ?", filter.department());
            }
            if (filter.block() != null) {
                where.and("lower(block) = lower(?)", filter.block());
            }
            if (filter.overdue()) {
                where.and(OVERDUE, Timestamp.from(now));
            }
            if (filter.text() != null) {
                String like = "%" + filter.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                        + "%";
                where.and("search_text like lower(?)", like);
            }
            return where;
        }

        void and(String condition, Object... values) {
            sql.append(" and ").append(condition);
            parameters.addAll(java.util.Arrays.asList(values));
        }

        String sql() {
            return sql.toString();
        }

        PreparedStatement prepare(Connection c, String statement, List<Object> trailing) throws SQLException {
            return prepare(c, statement, List.of(), trailing);
        }

        /** With {@code leading} parameters for placeholders before the where clause (in the select list). */
        PreparedStatement prepare(Connection c, String statement, List<Object> leading, List<Object> trailing)
                throws SQLException {
            PreparedStatement prepared = c.prepareStatement(statement);
            int i = 1;
            for (List<Object> values : List.of(leading, parameters, trailing)) {
                for (Object value : values) {
                    prepared.setObject(i++, value);
                }
            }
            return prepared;
        }
    }
}
