package org.samadhan.grievance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.samadhan.contracts.Json;
import org.samadhan.contracts.Topics;
import org.samadhan.grievance.config.GrievanceConfig;
import org.samadhan.testsupport.ContractAssertions;
import org.samadhan.testsupport.KafkaTestClient;
import org.samadhan.testsupport.KafkaTestResource;
import org.samadhan.testsupport.PostgresTestResource;

/**
 * Time passing, seen by two instances at once (two watches on one database, as two pods would be): each deadline is
 * reminded once, escalated once per level, and a silent citizen's grievance closes as unverified once.
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, parallel = true)
@WithTestResource(value = PostgresTestResource.class, parallel = true)
@WithTestResource(value = OidcWiremockTestResource.class, parallel = true)
class DeadlineWatchTest {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    GrievanceLifecycle lifecycle;
    @Inject
    GrievanceConfig config;
    @Inject
    OfficerActions actions;
    @Inject
    Ladders ladders;
    @Inject
    io.micrometer.core.instrument.MeterRegistry metrics;

    private DeadlineWatch watch() {
        return new DeadlineWatch(dataSource, lifecycle, ladders, config, metrics);
    }

    @Test
    void twoInstancesRemindAndHandEachOverdueGrievanceUpTheLadderExactlyOnce() throws Exception {
        Instant assigned = Instant.now();
        List<String> ids = TestGrievances.assigned(dataSource, 40, "ELECTRICITY", "Dondi"); // 48 h service level
        var first = watch();
        var second = watch();
        try (var events = KafkaTestClient.fromNowOn(Topics.GRIEVANCE_EVENTS)) {
            // A note does not move the clock.
            actions.addNote(new OfficerScope("cspdcl-dondi-l1", org.samadhan.grievance.workflow.Role.OFFICER,
                    "ELECTRICITY", "Dondi"), ids.get(0), "Lineman informed");

            concurrently(first, second, assigned.plus(Duration.ofHours(40))); // within 12 h of the deadline
            concurrently(first, second, assigned.plus(Duration.ofHours(41))); // nothing new to remind
            concurrently(first, second, assigned.plus(Duration.ofHours(49))); // deadline passed: level 2
            concurrently(first, second, assigned.plus(Duration.ofHours(50))); // level 2 has 3 days: nothing due
            concurrently(first, second, assigned.plus(Duration.ofHours(49 + 62))); // within 12 h of level 2's
            concurrently(first, second, assigned.plus(Duration.ofHours(49 + 73))); // level 2's passed: level 3
            concurrently(first, second, assigned.plus(Duration.ofDays(30))); // no level above the collector

            Map<String, List<String>> actionsById = new HashMap<>();
            List<ConsumerRecord<String, String>> received = events.drain(Duration.ofSeconds(5));
            for (var record : received) {
                if (ids.contains(record.key())) {
                    ContractAssertions.assertHonoursContract(record);
                    JsonNode event = Json.mapper().readTree(record.value());
                    actionsById.computeIfAbsent(record.key(), k -> new ArrayList<>())
                            .add(event.path("action").asText() + "@" + event.path("level").asInt() + " "
                                    + event.path("previousOfficerId").asText("") + ">" + event.path("officerId").asText());
                }
            }
            assertEquals(ids.size(), actionsById.size());
            for (String id : ids) {
                String officer = "electricity-dondi-l1";
                List<String> lifecycle = List.of("REMIND@1 >" + officer,
                        "ESCALATE@2 " + officer + ">electricity-head", "REMIND@2 >electricity-head",
                        "ESCALATE@3 electricity-head>collector");
                List<String> expected = new ArrayList<>(lifecycle);
                if (id.equals(ids.get(0))) {
                    expected.add(0, "ADD_NOTE@1 >" + officer);
                }
                assertEquals(expected, actionsById.get(id), id);
            }
        }
    }

    @Test
    void aResolvedGrievanceWithoutTheCitizensAnswerClosesAsUnverifiedOnce() throws Exception {
        String id = TestGrievances.assigned(dataSource, 1, "PHE", "Gurur").get(0);
        var scope = new OfficerScope("phe-gurur-l1", org.samadhan.grievance.workflow.Role.OFFICER, "PHE", "Gurur");
        Instant resolved = Instant.now();
        actions.resolve(scope, id, "Handpump repaired", "media:after-photo-1");
        TestGrievances.awaitPublished(dataSource, List.of(id));
        var watch = watch();
        try (var events = KafkaTestClient.fromNowOn(Topics.GRIEVANCE_EVENTS)) {
            concurrently(watch, watch(), resolved.plus(Duration.ofDays(6)));
            concurrently(watch, watch(), resolved.plus(Duration.ofDays(8)));
            concurrently(watch, watch(), resolved.plus(Duration.ofDays(9)));
            List<String> mine = new ArrayList<>();
            for (var record : events.drain(Duration.ofSeconds(5))) {
                if (record.key().equals(id)) {
                    JsonNode event = Json.mapper().readTree(record.value());
                    mine.add(event.path("action").asText() + "->" + event.path("toStatus").asText());
                    assertEquals("SYSTEM", event.path("actor").path("role").asText());
                }
            }
            assertEquals(List.of("EXPIRE_FEEDBACK->CLOSED_UNVERIFIED"), mine, "once");
        }
        var detail = actions.get(new OfficerScope("c", org.samadhan.grievance.workflow.Role.COLLECTOR, null, null), id);
        assertEquals("CLOSED_UNVERIFIED", detail.status().name());
        assertEquals("media:after-photo-1", detail.resolutionPhoto());
        assertTrue(detail.closedAt() != null);
    }

    @Test
    void oneGrievanceThatCannotBeEscalatedDoesNotHoldUpTheOthers() throws Exception {
        Instant assigned = Instant.now();
        List<String> ids = TestGrievances.assigned(dataSource, 5, "PHE", "Balod"); // 72 h
        try (var c = dataSource.getConnection(); var s = c.prepareStatement(
                "update grievance set department_code = 'WATER' where id = ?::uuid")) { // not in the directory
            s.setString(1, ids.get(2));
            s.executeUpdate();
        }
        double skippedBefore = skipped();
        try (var events = KafkaTestClient.fromNowOn(Topics.GRIEVANCE_EVENTS)) {
            var watch = watch();
            watch.checkAt(assigned.plus(Duration.ofHours(73)));
            List<String> escalated = new ArrayList<>();
            for (var record : events.drain(Duration.ofSeconds(5))) {
                JsonNode event = Json.mapper().readTree(record.value());
                if (ids.contains(record.key()) && "ESCALATE".equals(event.path("action").asText())) {
                    escalated.add(record.key());
                    assertEquals("phe-head", event.path("officerId").asText());
                }
            }
            List<String> good = new ArrayList<>(ids);
            good.remove(2);
            assertEquals(good.stream().sorted().toList(), escalated.stream().sorted().toList(),
                    "each good one escalated once, the bad one not");
            assertTrue(skipped() >= skippedBefore + 1, "the skipped one is counted");
        }
    }

    private double skipped() {
        var counter = metrics.find("grievance.deadline.skipped").tag("action", "ESCALATE").counter();
        return counter == null ? 0 : counter.count();
    }

    private static void concurrently(DeadlineWatch a, DeadlineWatch b, Instant now) throws Exception {
        var pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> checks = List.of(() -> a.checkAt(now), () -> b.checkAt(now));
            for (Future<Integer> done : pool.invokeAll(checks)) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }
    }
}
