package org.samadhan.analytics;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

/**
 * Durations as the rollups store them (ascending float8s, big-endian, in a bytea) and their exact percentiles,
 * interpolated as PostgreSQL's {@code percentile_cont} does.
 */
public final class Percentiles {

    private Percentiles() {
    }

    public static byte[] encode(double[] sorted) {
        ByteBuffer bytes = ByteBuffer.allocate(sorted.length * Double.BYTES);
        for (double value : sorted) {
            bytes.putDouble(value);
        }
        return bytes.array();
    }

    public static double[] decode(byte[] bytes) {
        double[] values = new double[bytes.length / Double.BYTES];
        ByteBuffer.wrap(bytes).asDoubleBuffer().get(values);
        return values;
    }

    /** The given fractions of all the values of {@code parts} together; nulls when there are none. */
    public static Double[] of(List<double[]> parts, double... fractions) {
        int n = parts.stream().mapToInt(p -> p.length).sum();
        Double[] result = new Double[fractions.length];
        if (n == 0) {
            return result;
        }
        double[] all = new double[n];
        int at = 0;
        for (double[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        Arrays.sort(all);
        for (int i = 0; i < fractions.length; i++) {
            double position = fractions[i] * (n - 1);
            int below = (int) Math.floor(position);
            int above = (int) Math.ceil(position);
            result[i] = all[below] + (position - below) * (all[above] - all[below]);
        }
        return result;
    }
}
