package org.samadhan.analytics.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.samadhan.analytics.GrievanceFold;
import org.samadhan.analytics.persistence.GrievanceEventStore;
import org.samadhan.contracts.directory.DistrictDirectory;
import org.samadhan.contracts.grievance.GrievanceEvent;
import org.samadhan.testsupport.TestDirectory;

/**
 * Fills the projection with a large district's history straight in SQL (producing millions of events through Kafka
 * would take longer than the whole benchmark may): grievances registered over two years along {@link Histories}'
 * paths, each history cut at now (recent grievances are still open) or, for a few, stuck part-way; every derived
 * column computed as {@link GrievanceFold} would, which {@link #checkAgainstTheFold} verifies on a sample.
 * Indexes and keys are dropped for the load and recreated exactly as they were, then the table is vacuumed and
 * analysed as autovacuum would leave it.
 */
final class ProjectedGrievances {

    /** What was loaded. */
    record Loaded(long grievances, long events, long open, double seconds) {
    }

    private static final String PHE = "PHE";
    private static final String ELECTRICITY = "ELECTRICITY";
    private static final String BLOCK = "Gurur";

    private ProjectedGrievances() {
    }

    static Loaded load(DataSource dataSource, int grievances) throws SQLException {
        long started = System.nanoTime();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            // For the load only: reset below, since the pool hands this connection to the review afterwards.
            s.execute("set work_mem = '512MB'");
            s.execute("set maintenance_work_mem = '1GB'");
            try {
                return load(c, s, grievances, started);
            } finally {
                s.execute("reset work_mem");
                s.execute("reset maintenance_work_mem");
            }
        }
    }

    private static Loaded load(Connection c, Statement s, int grievances, long started) throws SQLException {
        s.execute("truncate grievance_event, " + org.samadhan.analytics.persistence.RollupStore.TABLES);
        List<String> restore = dropKeysAndIndexes(c);
        s.execute("""
                create unlogged table bench_step (path int, step int, action text, to_status text,
                    department_role text, officer_role text, previous_role text, level int, disputed bool,
                    a float8, b float8, c float8, d float8)""");
        s.execute("create unlogged table bench_department (code text primary key, service_hours float8, "
                + "escalated_hours float8)");
        s.execute("""
                create unlogged table bench_grievance (n int, id uuid, citizen text, department text,
                    transfer_to text, block text, path int, registered timestamptz, keep int)""");
        s.execute("""
                create unlogged table bench_event (id uuid, step int, action text, to_status text,
                    department text, block text, officer text, previous text, level int, disputed bool,
                    citizen text, occurred_at timestamptz, rating int)""");
        insertSteps(c);
        insertDepartments(c);
        insertGrievances(c, grievances);
        s.execute(EVENTS);
        s.execute(PROJECTION);
        s.execute("drop table bench_step, bench_department, bench_grievance, bench_event");
        for (String statement : restore) {
            s.execute(statement);
        }
        s.execute("vacuum analyze grievance_event");
        try (ResultSet r = s.executeQuery("""
                select count(*) filter (where version = 1), count(*),
                    count(*) filter (where valid_to is null
                        and to_status not in ('CLOSED_VERIFIED', 'CLOSED_UNVERIFIED'))
                from grievance_event""")) {
            r.next();
            return new Loaded(r.getLong(1), r.getLong(2), r.getLong(3), (System.nanoTime() - started) / 1e9);
        }
    }

    /** Runs a file of SQL statements (separated by ";" at line ends) on the projection, then analyses it; returns the SQL. */
    static String run(DataSource dataSource, java.nio.file.Path file) throws SQLException, java.io.IOException {
        String sql = java.nio.file.Files.readString(file).strip();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String statement : sql.split(";\\s*\\n")) {
                if (!statement.isBlank()) {
                    s.execute(statement.strip().replaceAll(";$", ""));
                }
            }
            s.execute("vacuum analyze grievance_event");
        }
        return sql;
    }

    /**
     * Folds {@code sample} random grievances' stored events again with the service's own {@link GrievanceFold} and
     * returns how many events' derived columns differ from what the SQL load wrote (0, or the load is wrong).
     */
    static int checkAgainstTheFold(DataSource dataSource, Loaded loaded, int sample) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            List<UUID> ids = new ArrayList<>();
            double percent = Math.min(100, 300.0 * sample / loaded.grievances());
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                    "select grievance_id from grievance_event tablesample bernoulli (" + percent + ") "
                            + "where version = 1 order by random() limit " + sample)) {
                while (r.next()) {
                    ids.add(r.getObject(1, UUID.class));
                }
            }
            int differences = 0;
            for (List<GrievanceEventStore.Stored> history : GrievanceEventStore.load(c, ids).values()) {
                List<GrievanceFold.Derived> derived = GrievanceFold.fold(
                        history.stream().map(GrievanceEventStore.Stored::event).toList());
                for (int i = 0; i < history.size(); i++) {
                    if (!derived.get(i).equals(history.get(i).derived())) {
                        differences++;
                    }
                }
            }
            if (ids.size() < Math.min(sample, loaded.grievances()) / 2) {
                throw new IllegalStateException("only " + ids.size() + " grievances sampled");
            }
            return differences;
        }
    }

    /** The table's keys and indexes, dropped; returns the statements that recreate them exactly. */
    private static List<String> dropKeysAndIndexes(Connection c) throws SQLException {
        List<String> drop = new ArrayList<>();
        List<String> restore = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("""
                    select conname, pg_get_constraintdef(oid) from pg_constraint
                    where conrelid = 'grievance_event'::regclass and contype in ('p', 'u')""")) {
                while (r.next()) {
                    drop.add("alter table grievance_event drop constraint " + r.getString(1));
                    restore.add("alter table grievance_event add constraint " + r.getString(1) + " "
                            + r.getString(2));
                }
            }
            try (ResultSet r = s.executeQuery("""
                    select indexname, indexdef from pg_indexes where tablename = 'grievance_event' and indexname not in
                        (select conname from pg_constraint where conrelid = 'grievance_event'::regclass)""")) {
                while (r.next()) {
                    drop.add("drop index " + r.getString(1));
                    restore.add(r.getString(2));
                }
            }
            for (String statement : drop) {
                s.execute(statement);
            }
        }
        return restore;
    }

    /**
     * Each path's steps as the test Lifecycle publishes them, for a grievance filed in PHE and transferred to
     * ELECTRICITY, with those replaced by roles (the department it was filed in or transferred to, its officer or
     * head, the collector) that the SQL fills in per grievance.
     */
    private static void insertSteps(Connection c) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "insert into bench_step values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int p = 0; p < Histories.PATHS.size(); p++) {
                Histories.Path path = Histories.PATHS.get(p);
                List<GrievanceEvent> events = Histories.events(new Random(p), new Histories.Grievance(PHE,
                        ELECTRICITY, BLOCK, path), 1, Instant.now(), "cz-template");
                for (int i = 0; i < events.size(); i++) {
                    GrievanceEvent e = events.get(i);
                    Histories.Step step = path.steps().get(i);
                    insert.setInt(1, p);
                    insert.setInt(2, (int) e.version());
                    insert.setString(3, e.action());
                    insert.setString(4, e.toStatus());
                    insert.setString(5, role(e.departmentCode()));
                    insert.setString(6, role(e.officerId()));
                    insert.setString(7, role(e.previousOfficerId()));
                    insert.setObject(8, e.level());
                    insert.setBoolean(9, Boolean.TRUE.equals(e.disputed()));
                    insert.setDouble(10, step.a);
                    insert.setDouble(11, step.b);
                    insert.setDouble(12, step.c);
                    insert.setDouble(13, step.d);
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    private static String role(String value) {
        if (value == null) {
            return null;
        }
        Map<String, String> roles = new LinkedHashMap<>();
        roles.put(PHE, "filed");
        roles.put(ELECTRICITY, "transferred");
        roles.put(TestDirectory.officer(PHE, BLOCK), "filed-officer");
        roles.put(TestDirectory.head(PHE), "filed-head");
        roles.put(TestDirectory.officer(ELECTRICITY, BLOCK), "transferred-officer");
        roles.put(TestDirectory.head(ELECTRICITY), "transferred-head");
        roles.put("collector", "collector");
        String role = roles.get(value);
        if (role == null) {
            throw new IllegalStateException("no role for " + value);
        }
        return role;
    }

    private static void insertDepartments(Connection c) throws SQLException {
        DistrictDirectory directory = Histories.DIRECTORY;
        try (PreparedStatement insert = c.prepareStatement("insert into bench_department values (?, ?, ?)")) {
            for (DistrictDirectory.Department d : directory.departments()) {
                insert.setString(1, d.code());
                insert.setDouble(2, directory.serviceLevel(d.code()).orElseThrow().toSeconds() / 3600.0);
                insert.setDouble(3, directory.escalatedDuration(d).toSeconds() / 3600.0);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * Registrations over two years, growing toward today (70% evenly, 30% more the more recent); citizens drawn
     * unevenly so some file often; 7% of histories stuck part-way (open long after their deadline).
     */
    private static void insertGrievances(Connection c, int grievances) throws SQLException {
        List<Integer> paths = new ArrayList<>();
        for (int p = 0; p < Histories.PATHS.size(); p++) {
            for (int k = 0; k < Histories.PATHS.get(p).percent(); k++) {
                paths.add(p);
            }
        }
        try (PreparedStatement insert = c.prepareStatement("""
                insert into bench_grievance
                select g.n, gen_random_uuid(), 'cz-' || md5('citizen-' || floor(power(random(), 1.5) * 600000)),
                    g.department, case when g.other <> g.department then g.other
                        when g.department = 'REVENUE' then 'PANCHAYAT' else 'REVENUE' end,
                    g.block, g.path,
                    now() - (case when random() < 0.7 then random() else 1 - sqrt(random()) end)
                        * interval '730 days',
                    case when random() < 0.07 then 2 + floor(random() * (l.steps - 2))::int else l.steps end
                from (select n, (?::text[])[1 + floor(random() * 100)::int] as department,
                        (?::text[])[1 + floor(random() * 100)::int] as other,
                        (?::text[])[1 + floor(random() * 100)::int] as block,
                        (?::int[])[1 + floor(random() * 100)::int] as path
                      from generate_series(1, ?) n) g
                join (select path, count(*)::int as steps from bench_step group by path) l on l.path = g.path""")) {
            insert.setArray(1, c.createArrayOf("text", Histories.DEPARTMENTS.toArray()));
            insert.setArray(2, c.createArrayOf("text", Histories.DEPARTMENTS.toArray()));
            insert.setArray(3, c.createArrayOf("text", Histories.BLOCKS.toArray()));
            insert.setArray(4, c.createArrayOf("int4", paths.toArray()));
            insert.setInt(5, grievances);
            insert.executeUpdate();
        }
    }

    /**
     * Every step of every grievance with its time (the sum of the steps' durations so far, each drawn around the
     * service level of the department holding it), kept up to the grievance's cut and never after now. Officers'
     * ids are TestDirectory's: {@code <department>-<block>-l1}, {@code <department>-head}.
     */
    private static final String EVENTS = """
            insert into bench_event
            select id, step, action, to_status, department, block, officer, previous, level, disputed, citizen,
                occurred_at, rating
            from (
                select x.*, x.registered + sum(x.a + x.b * x.u + (x.c + x.d * x.u) * coalesce(d.service_hours, 0))
                        over (partition by x.n order by x.step) * interval '1 hour' as occurred_at
                from (
                    select g.n, g.id, g.registered, g.keep, g.block, g.citizen, s.step, s.action, s.to_status,
                        s.level, s.disputed, s.a, s.b, s.c, s.d, random() as u,
                        case s.department_role when 'filed' then g.department
                            when 'transferred' then g.transfer_to end as department,
                        case s.officer_role
                            when 'filed-officer' then lower(g.department) || '-' || lower(g.block) || '-l1'
                            when 'filed-head' then lower(g.department) || '-head'
                            when 'transferred-officer' then lower(g.transfer_to) || '-' || lower(g.block) || '-l1'
                            when 'transferred-head' then lower(g.transfer_to) || '-head'
                            when 'collector' then 'collector' end as officer,
                        case s.previous_role
                            when 'filed-officer' then lower(g.department) || '-' || lower(g.block) || '-l1'
                            when 'filed-head' then lower(g.department) || '-head'
                            when 'transferred-officer' then lower(g.transfer_to) || '-' || lower(g.block) || '-l1'
                            when 'transferred-head' then lower(g.transfer_to) || '-head'
                            when 'collector' then 'collector' end as previous,
                        case when s.action = 'CONFIRM_RESOLVED' and random() < 0.7 then
                            (array[5, 5, 5, 5, 5, 5, 5, 4, 4, 4, 4, 4, 4, 3, 3, 3, 2, 2, 1, 1])[1 + floor(random() * 20)::int]
                            end as rating
                    from bench_grievance g join bench_step s on s.path = g.path) x
                left join bench_department d on d.code = x.department) e
            where step <= keep and occurred_at <= now()""";

    /**
     * The projection's rows: the stored columns, the deadline in force (set by assignment, transfer, escalation and
     * reopening, carried by the events after), and the derived columns exactly as GrievanceFold defines them;
     * written in the order of their times, as the service appends them, so a period's rows share pages as they do
     * in production.
     */
    private static final String PROJECTION = """
            insert into grievance_event (grievance_id, version, event_id, district_code, action, occurred_at,
                to_status, department_code, block, officer_id, previous_officer_id, level, due_at, rating,
                citizen_ref, disputed, registered_at, first_assigned_at, first_transferred_at, first_of_action,
                charged_department, charged_block, charged_officer, on_time, valid_to)
            select id, step, gen_random_uuid(), 'BLD', action, occurred_at, to_status, department, block, officer,
                previous, level, due_at, rating, citizen, disputed,
                first_value(occurred_at) over w,
                min(occurred_at) filter (where action = 'ASSIGN') over g,
                min(occurred_at) filter (where action = 'TRANSFER') over g,
                row_number() over (partition by id, action order by step) = 1,
                case when action = 'TRANSFER' and step > 1 then lag(department) over w
                    when action = 'REGISTER' and count(*) filter (where action = 'ASSIGN') over g > 0
                        then min(department) filter (where action = 'ASSIGN') over g
                    else department end,
                case when action = 'TRANSFER' and step > 1 then lag(block) over w
                    when action = 'REGISTER' and count(*) filter (where action = 'ASSIGN') over g > 0
                        then min(block) filter (where action = 'ASSIGN') over g
                    else block end,
                coalesce(previous, case when action = 'REGISTER' and count(*) filter (where action = 'ASSIGN') over g > 0
                        then min(officer) filter (where action = 'ASSIGN') over g
                    else officer end),
                case when action = 'RESOLVE' then coalesce(lag(due_at) over w, due_at) is null
                    or occurred_at <= coalesce(lag(due_at) over w, due_at) end,
                lead(occurred_at) over w
            from (
                select e.*, max(due_set) over (partition by id, due_group) as due_at
                from (
                    select e.*, count(due_set) over (partition by id order by step) as due_group
                    from (
                        select e.*, case
                            when e.action in ('ASSIGN', 'TRANSFER') then e.occurred_at + d.service_hours * interval '1 hour'
                            when e.action in ('ESCALATE', 'REJECT_RESOLUTION')
                                then e.occurred_at + d.escalated_hours * interval '1 hour' end as due_set
                        from bench_event e left join bench_department d on d.code = e.department) e) e) e
            window w as (partition by id order by step), g as (partition by id)
            order by occurred_at""";
}
