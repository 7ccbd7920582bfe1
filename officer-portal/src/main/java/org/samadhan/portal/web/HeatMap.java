package org.samadhan.portal.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The ageing heat map: open grievances of each line by age since registration, each cell shaded in one of
 * {@link #LEVELS} intensities relative to the largest cell (CSS classes heat-0 … heat-4, since the CSP allows no
 * inline style), the number always written in the cell and the shades explained in a text legend.
 */
public record HeatMap(List<String> buckets, List<Line> lines, List<Shade> legend, long largest) {

    /** Analytics' age buckets, youngest first. */
    static final List<String> BUCKETS = List.of("0-7", "8-21", "22-50", "over-50");
    static final int LEVELS = 4;

    public record Cell(String bucket, long count, int level) {
        public String css() {
            return "heat-" + level;
        }
    }

    public record Line(String label, List<Cell> cells, long total) {
    }

    /** One shade of the legend and the counts it stands for, {@code from} to {@code to} included. */
    public record Shade(int level, long from, long to) {
        public String css() {
            return "heat-" + level;
        }
    }

    /** The intensity of {@code count} when the largest cell holds {@code largest}: 0 for none, else 1 to 4. */
    static int level(long count, long largest) {
        if (count <= 0 || largest <= 0) {
            return 0;
        }
        return (int) Math.min(LEVELS, Math.max(1, (LEVELS * count + largest - 1) / largest));
    }

    /** The counts each level stands for; levels no whole count falls into are left out. */
    static List<Shade> legend(long largest) {
        List<Shade> shades = new ArrayList<>();
        shades.add(new Shade(0, 0, 0));
        for (int k = 1; k <= LEVELS && largest > 0; k++) {
            long from = Math.floorDiv(largest * (k - 1), LEVELS) + 1;
            long to = Math.floorDiv(largest * k, LEVELS);
            if (from <= to) {
                shades.add(new Shade(k, from, to));
            }
        }
        return shades;
    }

    /** The map of {@code rows}: a label and its ageing counts by bucket (a missing bucket is 0). */
    static HeatMap of(List<Map.Entry<String, Map<String, Long>>> rows) {
        long largest = 0;
        for (var row : rows) {
            for (String b : BUCKETS) {
                largest = Math.max(largest, count(row.getValue(), b));
            }
        }
        List<Line> lines = new ArrayList<>();
        for (var row : rows) {
            List<Cell> cells = new ArrayList<>();
            long total = 0;
            for (String b : BUCKETS) {
                long n = count(row.getValue(), b);
                total += n;
                cells.add(new Cell(b, n, level(n, largest)));
            }
            lines.add(new Line(row.getKey(), cells, total));
        }
        return new HeatMap(BUCKETS, lines, legend(largest), largest);
    }

    private static long count(Map<String, Long> ageing, String bucket) {
        Long n = ageing == null ? null : ageing.get(bucket);
        return n == null ? 0 : n;
    }
}
