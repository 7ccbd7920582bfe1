package org.samadhan.portal.web;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.samadhan.portal.client.AnalyticsApi;

/**
 * The weekly trend as geometry for a server-rendered SVG: received and resolved as bars on a count axis (left),
 * the verified closure rate as a line on a 0–100 % axis (right), broken where a week had too few to rate.
 */
public record TrendChart(int width, int height, double left, double right, double top, double bottom,
                         List<Week> weeks, List<Tick> counts, List<Tick> rates, List<String> rateLines) {

    /** Where the count axis' labels end, the rate axis' begin, and the weeks' labels sit. */
    public double countX() {
        return left - 6;
    }

    public double rateX() {
        return right + 6;
    }

    public double labelY() {
        return bottom + 16;
    }

    static final int WIDTH = 720;
    static final int HEIGHT = 260;
    static final double LEFT = 44;
    static final double RIGHT_MARGIN = 48;
    static final double TOP = 14;
    static final double BOTTOM_MARGIN = 34;

    /** A bar's rectangle and the count it shows. */
    public record Bar(double x, double y, double width, double height, long value) {
    }

    /** One week: its label, bars, and the rate's point (null when too few). */
    public record Week(AnalyticsApi.Point point, String label, double labelX, Bar received, Bar resolved,
                       String rate, Double rateX, Double rateY) {
    }

    public record Tick(double y, String text) {
        public double textY() {
            return y + 4;
        }
    }

    /** The chart of {@code points}; week labels as "24 Nov" in {@code locale}. */
    static TrendChart of(List<AnalyticsApi.Point> points, Locale locale) {
        double plotRight = WIDTH - RIGHT_MARGIN;
        double plotBottom = HEIGHT - BOTTOM_MARGIN;
        double plotHeight = plotBottom - TOP;
        long largest = 0;
        for (var p : points) {
            largest = Math.max(largest, Math.max(p.received(), p.resolved()));
        }
        long scale = niceCeiling(largest);
        int n = Math.max(1, points.size());
        double slot = (plotRight - LEFT) / n;
        double barWidth = slot * 0.34;
        DateTimeFormatter label = DateTimeFormatter.ofPattern("d MMM", locale);
        List<Week> weeks = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            var p = points.get(i);
            double x0 = LEFT + i * slot;
            double center = x0 + slot / 2;
            Bar received = bar(center - barWidth, barWidth, p.received(), scale, plotBottom, plotHeight);
            Bar resolved = bar(center, barWidth, p.resolved(), scale, plotBottom, plotHeight);
            Double rate = p.verifiedClosureRate();
            Double rx = null;
            Double ry = null;
            if (rate != null) {
                rx = round(center);
                ry = round(plotBottom - rate * plotHeight);
                line.append(line.isEmpty() ? "" : " ").append(rx).append(',').append(ry);
            } else if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            weeks.add(new Week(p, label.format(p.from()), round(center), received, resolved,
                    rate == null ? null : ReviewFormat.percent(rate), rx, ry));
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        List<Tick> counts = new ArrayList<>();
        List<Tick> rates = new ArrayList<>();
        for (int k = 0; k <= 4; k++) {
            double y = round(plotBottom - plotHeight * k / 4);
            counts.add(new Tick(y, k == 0 || scale % 4 == 0 || scale >= 8
                    ? Long.toString(Math.round(scale * k / 4.0)) : ""));
            rates.add(new Tick(y, (25 * k) + " %"));
        }
        return new TrendChart(WIDTH, HEIGHT, LEFT, plotRight, TOP, plotBottom, weeks, counts, rates, lines);
    }

    /** The count axis' top: 4 at least, else the next 1, 2 or 5 × 10ⁿ at or above the largest bar, divisible by 4. */
    static long niceCeiling(long largest) {
        if (largest <= 4) {
            return 4;
        }
        long step = 1;
        while (true) {
            for (long m : new long[] {1, 2, 5}) {
                long candidate = m * step * 4;
                if (candidate >= largest) {
                    return candidate;
                }
            }
            step *= 10;
        }
    }

    private static Bar bar(double x, double width, long value, long scale, double bottom, double height) {
        double h = height * value / scale;
        return new Bar(round(x), round(bottom - h), round(width), round(h), value);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
