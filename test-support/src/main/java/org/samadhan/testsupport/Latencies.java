package org.samadhan.testsupport;

import java.util.Arrays;
import java.util.List;

/** Measured durations and their nearest-rank percentiles, in milliseconds, for the benchmarks. */
public record Latencies(long[] sortedNanos) {

    public static Latencies of(List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        if (sorted.length == 0) {
            throw new IllegalArgumentException("nothing was measured");
        }
        return new Latencies(sorted);
    }

    public int count() {
        return sortedNanos.length;
    }

    /** The smallest duration that at least {@code q} of the measurements do not exceed. */
    public double percentile(double q) {
        int rank = (int) Math.ceil(q * sortedNanos.length);
        return sortedNanos[Math.max(0, rank - 1)] / 1e6;
    }

    public double p50() {
        return percentile(0.50);
    }

    public double p99() {
        return percentile(0.99);
    }

    public double max() {
        return sortedNanos[sortedNanos.length - 1] / 1e6;
    }

    /** "p50 / p99 / max ms". */
    public String summary() {
        return String.format("%s / %s / %s ms", ms(p50()), ms(p99()), ms(max()));
    }

    public static String ms(double ms) {
        return ms < 10 ? String.format("%.2f", ms) : ms < 100 ? String.format("%.1f", ms) : String.format("%.0f", ms);
    }
}
