package org.samadhan.analytics.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.samadhan.analytics.ReviewContribution.DayKey;
import org.samadhan.analytics.ReviewContribution.Measure;
import org.samadhan.analytics.ReviewContribution.Open;
import org.samadhan.analytics.ReviewContribution.OpenKey;
import org.samadhan.analytics.Percentiles;
import org.samadhan.analytics.ReviewContribution.Cell;
import org.samadhan.analytics.ReviewContribution.Kind;
import org.samadhan.analytics.ReviewContribution.TransferKey;
import org.samadhan.analytics.ReviewContribution.Whom;
import org.samadhan.analytics.RollupDelta;

/**
 * Writes a {@link RollupDelta} to the review's rollups (V3), one statement per table for the whole batch: counts are
 * added to what is there, durations and open states replaced. Rows are written in key order, so two transactions
 * adding to the same rows wait for each other rather than deadlock.
 */
public final class RollupStore {

    /** Every table the rollups are kept in, emptied with the projection. */
    public static final String TABLES = "review_day, review_transfer, review_duration_day, open_count, open_grievance";

    private static final Comparator<Whom> WHOM = Comparator.comparing(Whom::district)
            .thenComparing(Whom::department).thenComparing(Whom::block).thenComparing(Whom::officer);

    private RollupStore() {
    }

    public static void apply(Connection c, RollupDelta delta) throws SQLException {
        addDays(c, delta.days());
        addTransfers(c, delta.transfers());
        addOpenCounts(c, delta.openCounts());
        writeDurations(c, delta.durations());
        writeOpen(c, delta.open());
    }

    /** True when the rollups hold nothing although the projection does (a database from before V3). */
    public static boolean needBackfill(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); var r = s.executeQuery("""
                select exists (select 1 from grievance_event) and not exists (select 1 from review_day)""")) {
            r.next();
            return r.getBoolean(1);
        }
    }

    private static void addDays(Connection c, Map<DayKey, long[]> days) throws SQLException {
        if (days.isEmpty()) {
            return;
        }
        List<Map.Entry<DayKey, long[]>> rows = new ArrayList<>(days.entrySet());
        rows.sort(Map.Entry.comparingByKey(Comparator.comparing((DayKey k) -> k.whom().district())
                .thenComparing(DayKey::day).thenComparing(DayKey::whom, WHOM)));
        int measures = Measure.values().length;
        Object[][] columns = new Object[5 + measures][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            DayKey key = rows.get(i).getKey();
            whom(columns, i, key.whom(), 0);
            columns[4][i] = key.day().toString();
            long[] counts = rows.get(i).getValue();
            for (int m = 0; m < measures; m++) {
                columns[5 + m][i] = (int) counts[m];
            }
        }
        String names = Arrays.stream(Measure.values()).map(Measure::column).collect(Collectors.joining(", "));
        String added = Arrays.stream(Measure.values()).map(m -> m.column() + " = d." + m.column() + " + excluded."
                + m.column()).collect(Collectors.joining(", "));
        String[] types = new String[5 + measures];
        Arrays.fill(types, "int4");
        types[0] = types[1] = types[2] = types[3] = "text";
        types[4] = "date";
        execute(c, "insert into review_day as d (district_code, department, block, officer, day, " + names + ") "
                + "select * from " + unnest(types) + " on conflict (district_code, day, department, block, officer) "
                + "do update set " + added, columns, types);
    }

    private static void addTransfers(Connection c, Map<TransferKey, Long> transfers) throws SQLException {
        if (transfers.isEmpty()) {
            return;
        }
        List<Map.Entry<TransferKey, Long>> rows = new ArrayList<>(transfers.entrySet());
        rows.sort(Map.Entry.comparingByKey(Comparator.comparing((TransferKey k) -> k.whom().district())
                .thenComparing(TransferKey::assignDay).thenComparing(TransferKey::transferDay)
                .thenComparing(TransferKey::whom, WHOM)));
        Object[][] columns = new Object[7][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            TransferKey key = rows.get(i).getKey();
            whom(columns, i, key.whom(), 0);
            columns[4][i] = key.assignDay().toString();
            columns[5][i] = key.transferDay().toString();
            columns[6][i] = rows.get(i).getValue().intValue();
        }
        String[] types = {"text", "text", "text", "text", "date", "date", "int4"};
        execute(c, "insert into review_transfer as t (district_code, department, block, officer, assign_day, "
                + "transfer_day, grievances) select * from " + unnest(types) + " on conflict (district_code, "
                + "assign_day, transfer_day, department, block, officer) do update set grievances = t.grievances "
                + "+ excluded.grievances", columns, types);
    }

    private static void addOpenCounts(Connection c, Map<OpenKey, Long> counts) throws SQLException {
        if (counts.isEmpty()) {
            return;
        }
        List<Map.Entry<OpenKey, Long>> rows = new ArrayList<>(counts.entrySet());
        rows.sort(Map.Entry.comparingByKey(Comparator.comparing(OpenKey::holder, WHOM)
                .thenComparing(OpenKey::levelKey).thenComparing(OpenKey::status)));
        Object[][] columns = new Object[7][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            OpenKey key = rows.get(i).getKey();
            whom(columns, i, key.holder(), 0);
            columns[4][i] = key.levelKey();
            columns[5][i] = key.status();
            columns[6][i] = rows.get(i).getValue().intValue();
        }
        String[] types = {"text", "text", "text", "text", "text", "text", "int4"};
        execute(c, "insert into open_count as o (district_code, department, block, officer, level_key, status, "
                + "grievances) select * from " + unnest(types) + " on conflict (district_code, department, block, "
                + "officer, level_key, status) do update set grievances = o.grievances + excluded.grievances",
                columns, types);
    }

    /** Reads the changed cells, takes out the durations that left them and puts in those that entered. */
    private static void writeDurations(Connection c, Map<Cell, RollupDelta.Change> durations) throws SQLException {
        if (durations.isEmpty()) {
            return;
        }
        List<Cell> cells = new ArrayList<>(durations.keySet());
        cells.sort(Comparator.comparing((Cell k) -> k.whom().district()).thenComparing(Cell::day)
                .thenComparing(Cell::whom, WHOM).thenComparing(Cell::kind));
        Object[][] keys = cellColumns(cells, 6);
        String[] types = {"text", "text", "text", "text", "date", "int4"};
        // Every cell exists before it is read for update, so that two transactions changing one wait for each
        // other (a cell both insert would otherwise keep only the second one's values).
        execute(c, "insert into review_duration_day (district_code, department, block, officer, day, kind, seconds) "
                + "select *, ''::bytea from " + unnest(types) + " on conflict do nothing", keys, types);
        Map<Cell, double[]> stored = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("select d.district_code, d.department, d.block, d.officer, "
                + "d.day, d.kind, d.seconds from review_duration_day d join " + unnest(types) + " on "
                + "d.district_code = u.c1 and d.department = u.c2 collate \"C\" and d.block = u.c3 collate \"C\" "
                + "and d.officer = u.c4 collate \"C\" and d.day = u.c5 and d.kind = u.c6 for update of d")) {
            for (int col = 0; col < keys.length; col++) {
                s.setArray(col + 1, c.createArrayOf(types[col], keys[col]));
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Whom whom = new Whom(r.getString(1), r.getString(2), r.getString(3), r.getString(4));
                    stored.put(new Cell(r.getObject(5, LocalDate.class), whom, Kind.values()[r.getInt(6)]),
                            Percentiles.decode(r.getBytes(7)));
                }
            }
        }
        List<Cell> kept = new ArrayList<>();
        List<byte[]> values = new ArrayList<>();
        List<Cell> emptied = new ArrayList<>();
        for (Cell cell : cells) {
            double[] now = changed(stored.getOrDefault(cell, new double[0]), durations.get(cell));
            if (now.length == 0) {
                emptied.add(cell);
            } else {
                kept.add(cell);
                values.add(Percentiles.encode(now));
            }
        }
        if (!kept.isEmpty()) {
            Object[][] columns = cellColumns(kept, 7);
            try (PreparedStatement s = c.prepareStatement("insert into review_duration_day (district_code, "
                    + "department, block, officer, day, kind, seconds) select * from unnest(?::text[], ?::text[], "
                    + "?::text[], ?::text[], ?::date[], ?::int4[], ?::bytea[]) on conflict (district_code, day, "
                    + "department, block, officer, kind) do update set seconds = excluded.seconds")) {
                for (int col = 0; col < 6; col++) {
                    s.setArray(col + 1, c.createArrayOf(types[col], columns[col]));
                }
                s.setArray(7, c.createArrayOf("bytea", values.toArray(new byte[0][])));
                s.executeUpdate();
            }
        }
        if (!emptied.isEmpty()) {
            execute(c, "delete from review_duration_day d using " + unnest(types) + " where d.district_code = u.c1 "
                    + "and d.department = u.c2 collate \"C\" and d.block = u.c3 collate \"C\" and d.officer = u.c4 "
                    + "collate \"C\" and d.day = u.c5 and d.kind = u.c6", cellColumns(emptied, 6), types);
        }
    }

    /** The cells' keys as columns: district, department, block, officer, day, kind (and room for more). */
    private static Object[][] cellColumns(List<Cell> cells, int width) {
        Object[][] columns = new Object[width][cells.size()];
        for (int i = 0; i < cells.size(); i++) {
            whom(columns, i, cells.get(i).whom(), 0);
            columns[4][i] = cells.get(i).day().toString();
            columns[5][i] = cells.get(i).kind().ordinal();
        }
        return columns;
    }

    /** A cell's values less those removed (one occurrence each) plus those added, in ascending order. */
    private static double[] changed(double[] stored, RollupDelta.Change change) {
        List<Double> values = new ArrayList<>(stored.length + change.added().size());
        for (double v : stored) {
            values.add(v);
        }
        for (Double gone : change.removed()) {
            if (!values.remove(gone)) {
                throw new IllegalStateException("a duration to take out of the rollup is not in it");
            }
        }
        values.addAll(change.added());
        return values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    private static void writeOpen(Connection c, Map<UUID, Open> open) throws SQLException {
        if (open.isEmpty()) {
            return;
        }
        List<Map.Entry<UUID, Open>> rows = new ArrayList<>(open.entrySet());
        rows.sort(Map.Entry.comparingByKey());
        List<UUID> closed = rows.stream().filter(e -> e.getValue() == null).map(Map.Entry::getKey).toList();
        List<Map.Entry<UUID, Open>> kept = rows.stream().filter(e -> e.getValue() != null).toList();
        if (!closed.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement("delete from open_grievance where grievance_id = any(?)")) {
                s.setArray(1, c.createArrayOf("uuid", closed.toArray()));
                s.executeUpdate();
            }
        }
        if (!kept.isEmpty()) {
            Object[][] columns = new Object[10][kept.size()];
            for (int i = 0; i < kept.size(); i++) {
                Open o = kept.get(i).getValue();
                columns[0][i] = kept.get(i).getKey();
                whom(columns, i, o.holder(), 1);
                columns[5][i] = o.levelKey();
                columns[6][i] = o.status();
                columns[7][i] = o.owing();
                columns[8][i] = o.dueAt() == null ? "infinity" : o.dueAt().toString();
                columns[9][i] = text(o.registeredAt());
            }
            String[] types = {"uuid", "text", "text", "text", "text", "text", "text", "bool", "timestamptz",
                "timestamptz"};
            execute(c, "insert into open_grievance (grievance_id, district_code, department, block, officer, "
                    + "level_key, status, owing, due_at, registered_at) select * from " + unnest(types)
                    + " on conflict (grievance_id) do update set district_code = excluded.district_code, "
                    + "department = excluded.department, block = excluded.block, officer = excluded.officer, "
                    + "level_key = excluded.level_key, status = excluded.status, owing = excluded.owing, "
                    + "due_at = excluded.due_at, registered_at = excluded.registered_at", columns, types);
        }
    }

    /** Writes a whom into four consecutive columns from {@code at}. */
    private static void whom(Object[][] columns, int row, Whom whom, int at) {
        columns[at][row] = whom.district();
        columns[at + 1][row] = whom.department();
        columns[at + 2][row] = whom.block();
        columns[at + 3][row] = whom.officer();
    }

    /** {@code unnest(?::t1[], ...) as u(c1, ...)}: the batch's rows from one array per column. */
    private static String unnest(String[] types) {
        StringBuilder arrays = new StringBuilder();
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < types.length; i++) {
            arrays.append(i == 0 ? "" : ", ").append("?::").append(types[i]).append("[]");
            names.append(i == 0 ? "" : ", ").append("c").append(i + 1);
        }
        return "unnest(" + arrays + ") as u(" + names + ")";
    }

    private static void execute(Connection c, String sql, Object[][] columns, String[] types) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int col = 0; col < columns.length; col++) {
                s.setArray(col + 1, c.createArrayOf(types[col], columns[col]));
            }
            s.executeUpdate();
        }
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
