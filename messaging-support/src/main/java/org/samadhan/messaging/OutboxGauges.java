package org.samadhan.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * The outbox's backlog as gauges, read from the table when Prometheus scrapes: {@code outbox.backlog} (rows waiting to
 * be relayed; parked rows excluded, they wait for an operator) and {@code outbox.oldest.age.seconds} (how long the
 * oldest of them has waited, 0 when none). No labels: each service has one outbox. One query serves both gauges of a
 * scrape; when the database does not answer they read NaN, so the panel shows a gap rather than a reassuring 0.
 */
public final class OutboxGauges {

    /** A scrape reads both gauges within milliseconds; one query answers both. */
    private static final long REUSE_NANOS = 1_000_000_000L;
    private static final Logger LOG = Logger.getLogger(OutboxGauges.class);

    private final DataSource dataSource;
    private volatile Reading last = new Reading(Double.NaN, Double.NaN, Long.MIN_VALUE);

    private record Reading(double backlog, double oldestAgeSeconds, long readAt) {
    }

    private OutboxGauges(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Registers both gauges on {@code registry}; the returned object must stay reachable (gauges hold it weakly). */
    public static OutboxGauges register(DataSource dataSource, MeterRegistry registry) {
        OutboxGauges gauges = new OutboxGauges(dataSource);
        Gauge.builder("outbox.backlog", gauges, g -> g.read().backlog())
                .description("Outbox rows waiting to be published to Kafka (parked rows excluded)")
                .register(registry);
        Gauge.builder("outbox.oldest.age.seconds", gauges, g -> g.read().oldestAgeSeconds())
                .description("Seconds the oldest waiting outbox row has waited (0 when the outbox is empty)")
                .baseUnit("seconds")
                .register(registry);
        return gauges;
    }

    private Reading read() {
        Reading reading = last;
        long now = System.nanoTime();
        if (reading.readAt() != Long.MIN_VALUE && now - reading.readAt() < REUSE_NANOS) {
            return reading;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("select count(*), "
                     + "coalesce(extract(epoch from now() - min(created_at)), 0) from outbox where parked_at is null");
             ResultSet result = query.executeQuery()) {
            result.next();
            reading = new Reading(result.getLong(1), result.getDouble(2), now);
        } catch (SQLException e) {
            LOG.debugf("outbox gauges: the database did not answer: %s", DatabaseFailures.summary(e));
            reading = new Reading(Double.NaN, Double.NaN, now);
        }
        last = reading;
        return reading;
    }
}
