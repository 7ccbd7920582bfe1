package org.samadhan.analytics.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.sql.ResultSet;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.samadhan.analytics.Period;
import org.samadhan.analytics.ProjectionRebuild;
import org.samadhan.testsupport.KafkaTestResource;
import org.samadhan.testsupport.Latencies;
import org.samadhan.testsupport.PostgresTestResource;
import org.samadhan.testsupport.TestDirectory;

/**
 * analytics-service's benchmark (issue #14), in one JVM on test-support's Kafka broker and PostgreSQL, each figure
 * beside a floor measured in the same run: (1) rebuilding the projection from 200,000 events, against a consume-only
 * Kafka consumer; (2) the review's p99 over HTTP with 1,000,000 grievances projected, against the liveness check;
 * (3) how soon an event published at 50 a second is in the review's table, against Kafka's own delivery of it.
 * Run by {@code bench/run.sh} (its name keeps it out of {@code mvn verify}); writes {@code bench/results.md} and
 * fails when a target is missed. System properties: bench.events, bench.grievances, bench.requests, bench.warmup,
 * bench.budget (seconds of measured requests per review scenario at most),
 * bench.rate, bench.seconds, bench.results, bench.phases (default rebuild,review,freshness); bench.explain=true
 * prints the review's query plans; bench.after-load=file.sql runs that SQL on the loaded projection (to try an index
 * before writing its migration; the results then say so).
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, parallel = true)
@WithTestResource(value = PostgresTestResource.class, parallel = true)
@WithTestResource(value = OidcWiremockTestResource.class, parallel = true)
@WithTestResource(DeployedInfrastructure.class)
class AnalyticsBenchmark {

    private static final int EVENTS = Integer.getInteger("bench.events", 200_000);
    private static final int GRIEVANCES = Integer.getInteger("bench.grievances", 1_000_000);
    private static final int REQUESTS = Integer.getInteger("bench.requests", 200);
    private static final int WARM_UP = Integer.getInteger("bench.warmup", 30);
    private static final int BUDGET = Integer.getInteger("bench.budget", 30);
    private static final int RATE = Integer.getInteger("bench.rate", 50);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 60);
    private static final String PHASES = System.getProperty("bench.phases", "rebuild,review,freshness");
    private static final String AFTER_LOAD = System.getProperty("bench.after-load");

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ProjectionRebuild rebuild;

    @TestHTTPResource("/")
    URI base;

    @Test
    void benchmark() throws Exception {
        TestDirectory.ensurePublished(dataSource);
        Results results = new Results();
        results.note(String.format("Run %s of commit %s on %d cores, load average before the run %s (the machine runs other "
                        + "work too); %s; Kafka 4.1.2 in the test JVM (topics as deploy/kafka/topics.tsv); %s with "
                        + "synchronous_commit on.",
                ZonedDateTime.now(Period.IST).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'IST'")),
                System.getProperty("bench.commit", "unknown"), Runtime.getRuntime().availableProcessors(), loadAverage(), "Java " + Runtime.version(),
                postgres()));

        String bootstrap = KafkaTestResource.bootstrapServers();
        if (PHASES.contains("rebuild")) {
            rebuild(results, bootstrap);
        }
        if (PHASES.contains("review")) {
            review(results);
        }
        if (PHASES.contains("freshness")) {
            freshness(results, bootstrap);
        }

        results.write(Path.of(System.getProperty("bench.results", "bench/results.md")));
        assertTrue(results.missed().isEmpty(), "targets missed: " + results.missed());
    }

    private void rebuild(Results results, String bootstrap) throws Exception {
        RebuildThroughput.Result r = RebuildThroughput.run(dataSource, rebuild, bootstrap, EVENTS);
        results.note(String.format("Rebuild: %,d events of %,d grievances (%.2f a grievance, seven paths from "
                        + "verified closure to reopened twice) produced to grievance.events.v1 (12 partitions); the live "
                        + "consumer had projected them %.1f s after the first was sent (%,.0f events/s, produce "
                        + "included); then rebuild() emptied the projection and replayed the topic.",
                r.events(), r.grievances(), (double) r.events() / r.grievances(), r.liveSeconds(),
                r.events() / r.liveSeconds()));
        results.row(String.format("rebuild, %,d events", r.events()),
                String.format("%,.0f events/s (%.1f s)", r.rebuilt(), r.rebuildSeconds()),
                String.format("consume-only KafkaConsumer %,.0f events/s (%,.0f before, %,.0f after)", r.floor(),
                        r.floorBefore(), r.floorAfter()),
                String.format("%.3f", r.rebuilt() / r.floor()), "≥ 5,000 events/s", r.rebuilt() >= 5_000);
    }

    private void review(Results results) throws Exception {
        ProjectedGrievances.Loaded loaded = ProjectedGrievances.load(dataSource, GRIEVANCES);
        if (AFTER_LOAD != null) {
            results.note("Not the service as committed: after the load, " + AFTER_LOAD + " was run:\n\n    "
                    + ProjectedGrievances.run(dataSource, Path.of(AFTER_LOAD)).replace("\n", "\n    ") + "\n");
        }
        int differences = ProjectedGrievances.checkAgainstTheFold(dataSource, loaded, 2_000);
        assertEquals(0, differences, "events whose SQL-derived columns differ from GrievanceFold's");
        // The rollups as the service fills them for a database projected before they existed.
        long rollupStarted = System.nanoTime();
        long rolledUp = rebuild.backfillRollups();
        assertEquals(loaded.grievances(), rolledUp, "grievances rolled up");
        try (var c = dataSource.getConnection(); var s = c.createStatement()) {
            s.execute("vacuum analyze " + org.samadhan.analytics.persistence.RollupStore.TABLES);
        }
        double rollupSeconds = (System.nanoTime() - rollupStarted) / 1e9;
        results.note(String.format("Review: %,d grievances (%,d events) loaded with SQL in %.0f s, registered over "
                        + "two years, %.1f%% open now (recent ones, and 7%% stuck part-way); derived columns equal "
                        + "GrievanceFold's on a sample of 2,000 grievances; vacuumed and analysed; then rolled up for the "
                        + "review by the service's own backfill (ProjectionRebuild.backfillRollups) in %.0f s. %d "
                        + "requests per line (fewer where they took over %d s in all) after %d unmeasured, one at a "
                        + "time; p50 / p99 / max.",
                loaded.grievances(), loaded.events(), loaded.seconds(), 100.0 * loaded.open() / loaded.grievances(),
                rollupSeconds, REQUESTS, BUDGET, WARM_UP));
        if (Boolean.getBoolean("bench.explain")) {
            QueryPlans.print(dataSource, ReviewLatency.SCENARIOS.get(5));
        }
        ReviewLatency http = new ReviewLatency(base, WARM_UP, REQUESTS, Duration.ofSeconds(BUDGET));
        Latencies floorBefore = http.floor();
        Map<ReviewLatency.Scenario, Latencies> measured = new LinkedHashMap<>();
        for (ReviewLatency.Scenario scenario : ReviewLatency.SCENARIOS) {
            measured.put(scenario, http.measure(scenario));
            System.out.printf("[bench] %s: %s%n", scenario.name(), measured.get(scenario).summary());
        }
        Latencies floorAfter = http.floor();
        double floorP99 = (floorBefore.p99() + floorAfter.p99()) / 2;
        String floor = "GET /q/health/live " + floorBefore.summary() + " (after: " + floorAfter.summary() + ")";
        measured.forEach((scenario, latencies) -> results.row("GET /api/review, " + scenario.name(),
                latencies.summary() + (latencies.count() < REQUESTS ? " (" + latencies.count() + " requests)" : ""),
                floor, String.format("p99 × %.0f", latencies.p99() / floorP99),
                "p99 ≤ 100 ms", latencies.p99() <= 100));
    }

    private void freshness(Results results, String bootstrap) throws Exception {
        Freshness.Result f = new Freshness(dataSource, bootstrap).run(RATE, 5, SECONDS);
        results.note(String.format("Freshness: %d events/s for %d s (after 5 s unmeasured) on top of the review's "
                        + "projection, from the send of an event to its row being visible (polled every 10 ms); %d "
                        + "events measured, %d never seen.",
                f.rate(), f.seconds(), f.projected().count(), f.missing()));
        results.row(String.format("event to review figures, %d/s", f.rate()), f.projected().summary(),
                "Kafka produce → plain consumer " + f.kafka().summary(),
                String.format("p99 × %.1f", f.projected().p99() / f.kafka().p99()), "p99 ≤ 2 s",
                f.projected().p99() <= 2_000 && f.missing() == 0);
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private String postgres() throws Exception {
        try (var c = dataSource.getConnection(); var s = c.createStatement();
             ResultSet r = s.executeQuery("show server_version")) {
            r.next();
            return "PostgreSQL " + r.getString(1).split(" ")[0];
        }
    }
}
