package org.samadhan.analytics.rest;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a hand-worked table (a header of column names, then one line per figure: its name and one value per column,
 * {@code -} for "too few" / null, {@code a.b} for key b of map a) and lists every cell an answer's rows disagree with;
 * names an answer's rows as the tables do and splits its CSV lines.
 */
final class ReviewTables {

    private ReviewTables() {
    }

    /** Each difference as "figure column: expected X, answered Y"; empty when the answer agrees everywhere. */
    static List<String> differences(String table, Map<String, JsonNode> rowsByColumn) {
        List<String> lines = table.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();
        List<String> columns = Arrays.asList(lines.get(0).split("\\s+")).subList(1, lines.get(0).split("\\s+").length);
        List<String> differences = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split("\\s+");
            if (cells.length != columns.size() + 1) {
                throw new IllegalArgumentException("table line has " + (cells.length - 1) + " values: " + line);
            }
            for (int i = 0; i < columns.size(); i++) {
                JsonNode row = rowsByColumn.get(columns.get(i));
                if (row == null) {
                    differences.add(columns.get(i) + ": no such row in the answer");
                    continue;
                }
                String answered = text(figure(row, cells[0], cells[i + 1]));
                if (!same(cells[i + 1], answered)) {
                    differences.add(cells[0] + " " + columns.get(i) + ": expected " + cells[i + 1] + ", answered "
                            + answered);
                }
            }
        }
        return differences;
    }

    /** The names of the figures the table expects as null ("too few"), per column. */
    static List<String> expectedNull(String table, String column) {
        List<String> lines = table.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();
        int index = Arrays.asList(lines.get(0).split("\\s+")).indexOf(column);
        return lines.subList(1, lines.size()).stream().map(l -> l.split("\\s+"))
                .filter(cells -> cells[index].equals("-")).map(cells -> cells[0]).toList();
    }

    private static JsonNode figure(JsonNode row, String name, String expected) {
        int dot = name.indexOf('.');
        if (dot < 0) {
            return row.get(name);
        }
        JsonNode map = row.get(name.substring(0, dot));
        JsonNode value = map == null ? null : map.get(name.substring(dot + 1));
        // A status, level or age bucket that nobody is in may be left out of the map: that is a zero.
        return value == null && map != null && map.isObject() && expected.equals("0") ? com.fasterxml.jackson.databind.node.IntNode.valueOf(0) : value;
    }

    private static String text(JsonNode value) {
        return value == null ? "(absent)" : value.isNull() ? "-" : value.asText();
    }

    private static boolean same(String expected, String answered) {
        if (expected.equals("-") || answered.equals("-") || answered.equals("(absent)")) {
            return expected.equals(answered);
        }
        try {
            return new BigDecimal(expected).compareTo(new BigDecimal(answered)) == 0;
        } catch (NumberFormatException e) {
            return expected.equals(answered);
        }
    }

    /** Rows by the table's column names ("PHE", "PHE/Gurur", "PHE/Gurur/phe-head", "(none)"), and "total". */
    static Map<String, JsonNode> columns(JsonNode report) {
        Map<String, JsonNode> byColumn = new LinkedHashMap<>();
        report.path("rows").forEach(row -> byColumn.put(key(row), row));
        byColumn.put("total", report.path("total"));
        return byColumn;
    }

    static List<String> keys(JsonNode report) {
        List<String> keys = new ArrayList<>();
        report.path("rows").forEach(row -> keys.add(key(row)));
        return keys;
    }

    static String key(JsonNode row) {
        if (row.path("departmentCode").isNull() || row.path("departmentCode").isMissingNode()) {
            return "(none)";
        }
        StringBuilder key = new StringBuilder(row.path("departmentCode").asText());
        for (String part : List.of("block", "officerId")) {
            if (row.hasNonNull(part)) {
                key.append('/').append(row.path(part).asText());
            }
        }
        return key.toString();
    }

    static Map<String, String> cells(List<String> header, String line) {
        List<String> values = fields(line);
        if (header.size() != values.size()) {
            throw new AssertionError(values.size() + " cells for " + header.size() + " columns: " + line);
        }
        Map<String, String> cells = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            cells.put(header.get(i), values.get(i));
        }
        return cells;
    }

    /** One CSV line's fields (RFC 4180: a field with a comma or quote is quoted, quotes doubled). */
    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted && ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(ch);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
