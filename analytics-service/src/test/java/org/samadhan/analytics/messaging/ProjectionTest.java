package org.samadhan.analytics.messaging;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import java.sql.Connection;
import java.sql.Statement;
import org.samadhan.analytics.GrievanceProjection;
import org.samadhan.analytics.GroupBy;
import org.samadhan.analytics.Lifecycle;
import org.samadhan.analytics.Projected;
import org.samadhan.analytics.ReviewContribution;
import org.samadhan.analytics.Selection;
import org.samadhan.analytics.persistence.ReviewQueries;
import org.samadhan.analytics.persistence.RollupStore;
import org.samadhan.analytics.Period;
import org.samadhan.analytics.ProjectionRebuild;
import org.samadhan.contracts.CloudEventHeaders;
import org.samadhan.contracts.DeadLetterHeaders;
import org.samadhan.contracts.Json;
import org.samadhan.contracts.Topics;
import org.samadhan.contracts.grievance.GrievanceEvent;
import org.samadhan.testsupport.KafkaTestClient;
import org.samadhan.testsupport.KafkaTestResource;
import org.samadhan.testsupport.OfficialTokens;
import org.samadhan.testsupport.PostgresTestResource;
import org.samadhan.testsupport.TestDirectory;

/**
 * The projection is idempotent, tolerant of reordering and rebuildable: the same history delivered newest first and
 * twice ends in the same rows as delivered in order, and replaying the topics into an empty projection gives the
 * same rows and the same review.
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, parallel = true)
@WithTestResource(value = PostgresTestResource.class, parallel = true)
@WithTestResource(value = OidcWiremockTestResource.class, parallel = true)
class ProjectionTest {

    private static final Duration H = Duration.ofHours(1);
    private static final String OTHER_DISTRICT = "DRG";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ProjectionRebuild rebuild;

    @Inject
    GrievanceProjection projection;

    @Test
    void historiesDeliveredNewestFirstAndTwiceEndAsDeliveredInOrderAndARebuildEqualsTheLiveReview()
            throws Exception {
        TestDirectory.ensurePublished(dataSource);
        LocalDate lastDay = LocalDate.now(Period.IST).minusDays(1);
        Instant start = lastDay.minusDays(20).atStartOfDay(Period.IST).toInstant();
        Random random = new Random(14);
        List<Lifecycle> inOrder = new ArrayList<>();
        List<Lifecycle> shuffled = new ArrayList<>();
        List<SimpleEntry<String, String>> records = new ArrayList<>();
        List<SimpleEntry<String, String>> badOrder = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            UnaryOperator<Lifecycle> path = path(i);
            Instant registered = start.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 18)));
            String citizen = "cz-" + UUID.randomUUID().toString().replace("-", "");
            Lifecycle a = path.apply(new Lifecycle(i, registered, citizen));
            Lifecycle b = path.apply(new Lifecycle(i, registered, citizen));
            inOrder.add(a);
            shuffled.add(b);
            a.events().forEach(e -> records.add(entry(e)));
            List<GrievanceEvent> late = new ArrayList<>(b.events());
            Collections.reverse(late);
            late.forEach(e -> badOrder.add(entry(e)));
            late.forEach(e -> badOrder.add(entry(e)));
        }
        Collections.shuffle(badOrder, random); // grievances interleaved, each one's events newest first and twice
        KafkaTestClient.produce(Topics.GRIEVANCE_EVENTS, new ArrayList<>(records));
        KafkaTestClient.produce(Topics.GRIEVANCE_EVENTS, new ArrayList<>(badOrder));
        List<String> ids = new ArrayList<>();
        inOrder.forEach(l -> ids.add(l.id()));
        shuffled.forEach(l -> ids.add(l.id()));
        awaitProjected(ids, records.size() * 2);

        for (int i = 0; i < inOrder.size(); i++) {
            assertEquals(rows(inOrder.get(i).id()), rows(shuffled.get(i).id()),
                    "grievance " + i + " delivered newest first and twice ends as delivered in order");
        }
        String from = lastDay.minusDays(20).toString();
        String to = lastDay.toString();
        String live = review(from, to, "officer") + review(from, to, "department");
        List<List<String>> liveRows = new ArrayList<>();
        for (String id : ids) {
            liveRows.add(rows(id));
        }

        ProjectionRebuild.Result result = rebuild.rebuild();
        assertTrue(result.grievanceEvents() >= records.size() * 3L, "replayed " + result.grievanceEvents());
        List<List<String>> rebuiltRows = new ArrayList<>();
        for (String id : ids) {
            rebuiltRows.add(rows(id));
        }
        assertEquals(liveRows, rebuiltRows, "the rebuilt rows are the live rows");
        assertEquals(live, review(from, to, "officer") + review(from, to, "department"),
                "the rebuilt review is the live review");
    }

    @Test
    void theRollupsKeptEventByEventAreTheProjectionRolledUpAfreshAndTodaysStocksAreThoseOfTheEvents()
            throws Exception {
        TestDirectory.ensurePublished(dataSource);
        Instant now = Instant.now();
        Random random = new Random(15);
        List<SimpleEntry<String, String>> records = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        int events = 0;
        for (int i = 0; i < 36; i++) {
            // Registered up to 70 days ago, so that every age and both sides of a deadline are open now; in another
            // district, so that the other tests' reviews of BLD never see them.
            Instant registered = now.minus(Duration.ofHours(2 + random.nextInt(24 * 70)));
            Lifecycle l = path(i).apply(new Lifecycle(OTHER_DISTRICT, 100 + i, registered,
                    "cz-" + UUID.randomUUID().toString().replace("-", "")));
            List<GrievanceEvent> happened = new ArrayList<>(l.events().stream()
                    .filter(e -> e.occurredAt().isBefore(now)).toList());
            events += happened.size();
            ids.add(l.id());
            happened.addAll(happened.subList(0, random.nextInt(happened.size()) + 1)); // some twice
            Collections.shuffle(happened, random); // and out of order
            happened.forEach(e -> records.add(entry(e)));
        }
        Collections.shuffle(records, random);
        KafkaTestClient.produce(Topics.GRIEVANCE_EVENTS, new ArrayList<>(records));
        awaitProjected(ids, events);

        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("lock table grievance_event in share mode"); // nothing projected meanwhile
                String kept = rollups(s);
                s.execute("truncate " + RollupStore.TABLES);
                projection.backfill(c);
                assertEquals(kept, rollups(s), "the rollups kept by deltas equal the projection rolled up afresh");
            } finally {
                c.rollback();
            }
            var collector = new Selection(new Selection.Reviewer(Selection.Role.COLLECTOR, null, null), null, null,
                    null);
            Instant at = now; // after all the district's events
            for (GroupBy groupBy : GroupBy.values()) {
                assertEquals(ReviewQueries.stocks(c, OTHER_DISTRICT, at, false, groupBy, collector),
                        ReviewQueries.stocks(c, OTHER_DISTRICT, at, true, groupBy, collector),
                        "stocks now by " + groupBy + " from the open rollups equal those of the events");
            }
        }
    }

    /** Every rollup row as text, in order (rows whose counts cancelled out to zero left out). */
    private static String rollups(Statement s) throws java.sql.SQLException {
        String nonZero = java.util.Arrays.stream(ReviewContribution.Measure.values())
                .map(m -> m.column() + " <> 0").collect(java.util.stream.Collectors.joining(" or "));
        StringBuilder all = new StringBuilder();
        for (String query : List.of("select t::text from review_day t where " + nonZero,
                "select t::text from review_transfer t where grievances <> 0",
                "select t::text from open_count t where grievances <> 0",
                "select t::text from review_duration_day t", "select t::text from open_grievance t")) {
            try (var r = s.executeQuery(query + " order by 1")) {
                while (r.next()) {
                    all.append(r.getString(1)).append('\n');
                }
            }
        }
        return all.toString();
    }

    @Test
    void anIncompleteOrUnreadableEventIsDeadLetteredWithTheReasonAndTheRestProjected() throws Exception {
        Lifecycle good = new Lifecycle(900, Instant.now().minus(H), "cz-" + "a".repeat(32)).register("Gurur");
        String incomplete = Json.mapper().writeValueAsString(Map.of("eventId", UUID.randomUUID().toString(),
                "grievanceId", UUID.randomUUID().toString(), "version", 1));
        try (var dlq = KafkaTestClient.fromNowOn(Topics.deadLetter(Topics.GRIEVANCE_EVENTS))) {
            KafkaTestClient.produce(Topics.GRIEVANCE_EVENTS, List.of(new SimpleEntry<>("k1", "{not json"),
                    new SimpleEntry<>("k2", incomplete), entry(good.events().get(0))));
            var dead = dlq.await(2, Duration.ofSeconds(20));
            List<String> reasons = new ArrayList<>();
            dead.forEach(d -> reasons.add(CloudEventHeaders.get(d.headers(), DeadLetterHeaders.REASON)));
            assertTrue(reasons.get(0).startsWith("not a GrievanceEvent"), reasons.toString());
            assertEquals("grievance event lacks eventId, grievanceId, version, action, occurredAt, districtCode or "
                    + "toStatus", reasons.get(1));
        }
        awaitProjected(List.of(good.id()), 1);
    }

    @Test
    void deliveryHealthCountsMessagesOnceWhateverTheRedeliveriesWithFailuresByWhatsAppsCode() throws Exception {
        TestDirectory.ensurePublished(dataSource);
        Instant day = LocalDate.parse("2025-03-04").atTime(10, 0).atZone(Period.IST).toInstant();
        List<SimpleEntry<String, String>> outcomes = new ArrayList<>();
        for (String state : List.of("SENT", "DELIVERED", "READ")) {
            outcomes.add(outcome("out-" + "a".repeat(32), "registered", state, null, false, day));
        }
        outcomes.add(outcome("out-" + "b".repeat(32), "reply", "SENT", null, false, day));
        outcomes.add(outcome("out-" + "b".repeat(32), "reply", "FAILED", 131047, false, day));
        outcomes.add(outcome("out-" + "c".repeat(32), "resolved", "SENT", null, true, day));
        outcomes.add(outcome("out-" + "d".repeat(32), "official-assigned", "SENT", null, true, day));
        outcomes.add(outcome("out-" + "d".repeat(32), "official-assigned", "DELIVERED", null, true, day));
        List<SimpleEntry<String, String>> twice = new ArrayList<>(outcomes);
        twice.addAll(outcomes);
        KafkaTestClient.produce(Topics.NOTIFICATION_DELIVERIES, new ArrayList<>(twice));
        String expected = "{citizen={sent=3, delivered=1, read=1, failed=1, dead=0, failedByCode={131047=1}, "
                + "templateFallbacks=1}, official={sent=1, delivered=1, read=0, failed=0, dead=0, failedByCode={}, "
                + "templateFallbacks=1}}";
        Instant deadline = Instant.now().plusSeconds(30);
        String seen = null;
        while (Instant.now().isBefore(deadline) && !expected.equals(seen)) {
            seen = given().auth().oauth2(collector()).queryParam("from", "2025-03-04").queryParam("to", "2025-03-04")
                    .get("/api/review").then().statusCode(200).extract().jsonPath().getMap("delivery").toString();
            Thread.sleep(200);
        }
        assertEquals(expected, seen, "messages, not events: each once although every outcome arrived twice");
    }

    private static SimpleEntry<String, String> outcome(String outboundId, String kind, String state,
                                                       Integer errorCode, boolean template, Instant at) {
        try {
            var outcome = new org.samadhan.contracts.notification.DeliveryOutcome(
                    UUID.nameUUIDFromBytes((outboundId + "/" + state).getBytes()).toString(),
                    org.samadhan.contracts.notification.DeliveryOutcome.EVENT_TYPE, at, "BLD", outboundId, kind,
                    null, kind.startsWith("official-") ? null : "cz-" + "e".repeat(32), "hi", state, errorCode,
                    errorCode == null ? null : "Re-engagement message", template, 1);
            return new SimpleEntry<>(outboundId, Json.mapper().writeValueAsString(outcome));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static UnaryOperator<Lifecycle> path(int i) {
        String officer = TestDirectory.officer("PHE", "Gurur");
        String head = TestDirectory.head("PHE");
        Duration sla = Duration.ofHours(72);
        return switch (i % 6) {
            case 0 -> l -> l.register("Gurur").assign(H, "PHE", officer, sla).acknowledge(H.multipliedBy(3))
                    .resolve(H.multipliedBy(20)).confirm(H.multipliedBy(5), 4);
            case 1 -> l -> l.register("Gurur").assign(H, "PHE", officer, sla).resolve(H.multipliedBy(80))
                    .expire(Duration.ofDays(7));
            case 2 -> l -> l.register("Gurur").assign(H, "PHE", officer, sla).resolve(H.multipliedBy(10))
                    .reject(H, head, Duration.ofDays(3)).resolve(H.multipliedBy(30)).confirm(H, 3);
            case 3 -> l -> l.register("Gurur").assign(H, "PHE", officer, sla)
                    .escalate(H.multipliedBy(73), head, Duration.ofDays(3));
            case 4 -> l -> l.register("Gurur").assign(H, "PHE", officer, sla)
                    .transfer(H.multipliedBy(2), "ELECTRICITY", TestDirectory.officer("ELECTRICITY", "Gurur"),
                            Duration.ofHours(48)).acknowledge(H.multipliedBy(30));
            default -> l -> l.register("Gurur");
        };
    }

    private static SimpleEntry<String, String> entry(GrievanceEvent e) {
        try {
            return new SimpleEntry<>(e.grievanceId(), Json.mapper().writeValueAsString(e));
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** A grievance's projected rows, without its ids, so twins with different ids compare equal. */
    private List<String> rows(String id) throws Exception {
        List<String> rows = new ArrayList<>();
        try (var c = dataSource.getConnection(); var s = c.prepareStatement("""
                select version, action, occurred_at, to_status, department_code, block, officer_id,
                    previous_officer_id, level, due_at, rating, disputed, registered_at, first_assigned_at,
                    first_transferred_at, first_of_action, charged_department, charged_block, charged_officer,
                    on_time, valid_to
                from grievance_event where grievance_id = ?::uuid order by version""")) {
            s.setString(1, id);
            try (var r = s.executeQuery()) {
                while (r.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int col = 1; col <= 21; col++) {
                        row.append(r.getString(col)).append('|');
                    }
                    rows.add(row.toString());
                }
            }
        }
        return rows;
    }

    private void awaitProjected(List<String> ids, int count) throws Exception {
        Projected.await(dataSource, ids, count);
    }

    private static String review(String from, String to, String groupBy) {
        return given().auth().oauth2(collector()).queryParam("from", from).queryParam("to", to)
                .queryParam("groupBy", groupBy).get("/api/review").then().statusCode(200).extract().asString();
    }

    private static String collector() {
        return OfficialTokens.token("analytics-service", "collector", "collector", null, null);
    }
}
