package org.samadhan.analytics;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.samadhan.contracts.Json;
import org.samadhan.contracts.Topics;
import org.samadhan.contracts.grievance.GrievanceEvent;
import org.samadhan.testsupport.KafkaTestClient;
import org.samadhan.testsupport.KafkaTestResource;
import org.samadhan.testsupport.PostgresTestResource;
import org.samadhan.testsupport.TestDirectory;

/**
 * The business gauges an operator graphs: four PHE grievances open now add exactly what they are to open (by status
 * and level), overdue and ageing, as /q/metrics shows them.
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, parallel = true)
@WithTestResource(value = PostgresTestResource.class, parallel = true)
@WithTestResource(value = OidcWiremockTestResource.class, parallel = true)
class ReviewMetricsTest {

    private static final Duration H = Duration.ofHours(1);
    private static final Duration SLA = Duration.ofHours(72);
    private static final Pattern SAMPLE = Pattern.compile("^(samadhan_grievances_(?:open|overdue|ageing))\\{(.*)} (.+)$");

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ReviewMetrics metrics;

    @Test
    void fourOpenGrievancesAddWhatTheyAreToOpenOverdueAndAgeing() throws Exception {
        TestDirectory.ensurePublished(dataSource);
        metrics.refreshNow();
        Map<String, Double> before = gauges();

        Instant now = Instant.now();
        String officer = TestDirectory.officer("PHE", "Gurur");
        List<Lifecycle> open = List.of(
                // 10 days old, its 72 hours long gone: overdue
                grievance(1, now.minus(Duration.ofDays(10))).assign(H, "PHE", officer, SLA),
                // 12 days old and being worked on, past its deadline: overdue
                grievance(2, now.minus(Duration.ofDays(12))).assign(H, "PHE", officer, SLA).acknowledge(H),
                // three hours old: not yet due
                grievance(3, now.minus(H.multipliedBy(3))).assign(H, "PHE", officer, SLA),
                // resolved after its deadline, waiting for the citizen: open, not overdue
                grievance(4, now.minus(Duration.ofDays(5))).assign(H, "PHE", officer, SLA)
                        .resolve(H.multipliedBy(80)));
        List<Map.Entry<String, String>> records = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        int events = 0;
        for (Lifecycle l : open) {
            ids.add(l.id());
            for (GrievanceEvent e : l.events()) {
                records.add(new SimpleEntry<>(e.grievanceId(), Json.mapper().writeValueAsString(e)));
                events++;
            }
        }
        KafkaTestClient.produce(Topics.GRIEVANCE_EVENTS, records);
        Projected.await(dataSource, ids, events);
        metrics.refreshNow();
        Map<String, Double> after = gauges();

        Map<String, Double> added = new TreeMap<>();
        after.forEach((series, value) -> {
            double change = value - before.getOrDefault(series, 0.0);
            if (change != 0) {
                added.put(series, change);
            }
        });
        assertEquals(Map.of(
                "ageing PHE 0-7d", 2.0,
                "ageing PHE 8-21d", 2.0,
                "open PHE Gurur 1 ASSIGNED", 2.0,
                "open PHE Gurur 1 IN_PROGRESS", 1.0,
                "open PHE Gurur 1 RESOLVED", 1.0,
                "overdue PHE Gurur 1 ASSIGNED", 1.0,
                "overdue PHE Gurur 1 IN_PROGRESS", 1.0), added);
    }

    private static Lifecycle grievance(int n, Instant registered) {
        return new Lifecycle(900 + n, registered, "cz-" + UUID.randomUUID().toString().replace("-", ""))
                .register("Gurur");
    }

    /** The BLD business gauges as "open PHE Gurur 1 ASSIGNED" (department, block, level, status) or "ageing PHE 0-7d". */
    private static Map<String, Double> gauges() {
        Map<String, Double> gauges = new TreeMap<>();
        for (String line : given().get("/q/metrics").then().statusCode(200).extract().asString().split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            Map<String, String> labels = new TreeMap<>();
            for (String pair : m.group(2).split(",")) {
                String[] kv = pair.split("=", 2);
                labels.put(kv[0], kv[1].replace("\"", ""));
            }
            if (!"BLD".equals(labels.get("district"))) {
                continue;
            }
            String name = m.group(1).replace("samadhan_grievances_", "");
            String key = name.equals("ageing") ? name + " " + labels.get("department") + " " + labels.get("age")
                    : name + " " + labels.get("department") + " " + labels.get("block") + " " + labels.get("level")
                            + " " + labels.get("status");
            gauges.merge(key, Double.parseDouble(m.group(3)), Double::sum);
        }
        return gauges;
    }
}
