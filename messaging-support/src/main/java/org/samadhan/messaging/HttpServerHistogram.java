package org.samadhan.messaging;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * Gives every service's {@code http.server.requests} timer Prometheus buckets, so dashboards and alerts can compute
 * p99 latency across instances ({@code histogram_quantile}); Quarkus has no setting for it. Thirteen fixed buckets
 * from 1 ms to 10 s, rather than Micrometer's seventy-odd, keep the series per uri / method / status few.
 */
@Singleton
public class HttpServerHistogram implements MeterFilter {

    private static final String HTTP_SERVER_REQUESTS = "http.server.requests";
    private static final double[] BUCKETS = seconds(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5,
            5, 10);

    @Override
    public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        if (!HTTP_SERVER_REQUESTS.equals(id.getName())) {
            return config;
        }
        return DistributionStatisticConfig.builder().serviceLevelObjectives(BUCKETS).build().merge(config);
    }

    /** Timer buckets are given in nanoseconds. */
    private static double[] seconds(double... values) {
        double[] nanos = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            nanos[i] = Duration.ofNanos(Math.round(values[i] * 1e9)).toNanos();
        }
        return nanos;
    }
}
