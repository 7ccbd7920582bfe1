package org.samadhan.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.samadhan.contracts.Json;
import org.samadhan.contracts.Topics;
import org.samadhan.contracts.directory.DirectoryEvent;
import org.samadhan.contracts.directory.DistrictDirectory;
import org.samadhan.contracts.grievance.GrievanceEvent;
import org.samadhan.contracts.whatsapp.OutboundMessage;
import org.samadhan.testsupport.ContractAssertions;
import org.samadhan.testsupport.KafkaTestClient;
import org.samadhan.testsupport.KafkaTestResource;
import org.samadhan.testsupport.PostgresTestResource;
import org.samadhan.testsupport.WhatsAppIds;
import org.samadhan.testsupport.WhatsAppWorld;

/**
 * Officials are told on WhatsApp, end to end: the directory and grievance events as routing-service and
 * grievance-service publish them, alerts sent through the whatsapp-sandbox, and what each official's phone received
 * read back from it.
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, parallel = true)
@WithTestResource(value = PostgresTestResource.class, parallel = true)
@WithTestResource(value = WhatsAppWorld.class)
class OfficialAlertsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String NUMBER = "BLD-2026-000417";
    /** The officials' WhatsApp numbers, fresh for each run: the sandbox keeps every phone's messages. */
    private static final String BLOCK_OFFICER = mobile();
    private static final String DEPARTMENT_HEAD = mobile();
    private static final String COLLECTOR = mobile();
    private static final String PWD_OFFICER = mobile();
    private static final String ALSO_A_CITIZEN = mobile();

    private static boolean published;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void theDirectoryNamesTheOfficials() throws Exception {
        var phe = new DistrictDirectory.Department("PHE", Map.of("en", "Public Health Engineering"), "P3D",
                Map.of("Gurur", "phe-gurur", "Balod", "phe-balod", "Dondi", "phe-dondi"),
                List.of("phe-head", "collector"), List.of("handpump"));
        var pwd = new DistrictDirectory.Department("PWD", Map.of("en", "Public Works"), "P7D",
                Map.of("Gurur", "pwd-gurur"), List.of("pwd-head", "collector"), List.of("road"));
        var directory = new DistrictDirectory("BLD", List.of("Balod", "Dondi", "Gurur"), 0.4, "P2D",
                List.of(phe, pwd), List.of(
                        official("phe-gurur", "OFFICER", "PHE", "Gurur", BLOCK_OFFICER, "hi"),
                        official("phe-head", "DEPARTMENT_HEAD", "PHE", null, DEPARTMENT_HEAD, "en"),
                        official("collector", "COLLECTOR", null, null, COLLECTOR, "en"),
                        official("pwd-gurur", "OFFICER", "PWD", "Gurur", PWD_OFFICER, "hi"),
                        official("phe-balod", "OFFICER", "PHE", "Balod", ALSO_A_CITIZEN, "hi"),
                        official("phe-dondi", "OFFICER", "PHE", "Dondi", null, "hi")));
        if (!published) { // once per run, as a version above any stored (a shared test database keeps them)
            int version = (int) Citizens.query(dataSource,
                    "select coalesce(max(version), 0) + 1 from directory_version where district_code = 'BLD'");
            KafkaTestClient.produce(Topics.ROUTING_DIRECTORY, Map.of("BLD", Citizens.json(
                    DirectoryEvent.of(version, "collector", Instant.now(), directory))));
            await().atMost(PATIENCE).until(() -> Citizens.query(dataSource,
                    "select count(*) from official where district_code = 'BLD' and whatsapp = ?", COLLECTOR) == 1);
            published = true;
        }
    }

    @Test
    void eachOfficialGetsTheirAlertsOnceAsTemplatesInTheirLanguageThoughTheEventsAreRedelivered() throws Exception {
        String citizen = Citizens.newCitizen();
        Citizens.writes(citizen, "हैंडपंप 10 दिन से खराब है");
        Citizens.awaitKnown(dataSource, citizen);
        String ref = Citizens.ref(citizen);
        String g = UUID.randomUUID().toString();
        // As grievance-service publishes them: assigned, reminded, escalated by the deadline watch, resolved by the
        // department head, "not satisfied" (to the collector), resolved by the collector, "not satisfied" (disputed).
        List<GrievanceEvent> events = List.of(
                event(g, 2, "ASSIGN", ref, "phe-gurur", null, 1, "2026-12-03T06:00:00Z", false),
                event(g, 3, "REMIND", ref, "phe-gurur", null, 1, "2026-12-03T06:00:00Z", false),
                event(g, 4, "ESCALATE", ref, "phe-head", "phe-gurur", 2, "2026-12-06T12:30:00Z", false),
                event(g, 5, "RESOLVE", ref, "phe-head", null, 2, "2026-12-06T12:30:00Z", false),
                event(g, 6, "REJECT_RESOLUTION", ref, "collector", "phe-head", 3, "2026-12-09T04:30:00Z", false),
                event(g, 7, "RESOLVE", ref, "collector", null, 3, "2026-12-09T04:30:00Z", false),
                event(g, 8, "REJECT_RESOLUTION", ref, "collector", null, 3, "2026-12-11T04:30:00Z", true));
        try (var deliveries = KafkaTestClient.fromNowOn(Topics.NOTIFICATION_DELIVERIES)) {
            publish(events);
            await().atMost(PATIENCE).until(() -> Citizens.received(BLOCK_OFFICER).size() >= 3
                    && Citizens.received(DEPARTMENT_HEAD).size() >= 2 && Citizens.received(COLLECTOR).size() >= 2);
            publish(events); // redelivered, as after a consumer restart
            Thread.sleep(4_000);

            assertEquals(List.of("official_assigned/hi", "official_due/hi", "official_escalated_away/hi"),
                    templates(BLOCK_OFFICER));
            assertEquals(List.of("official_escalated/en", "official_resolution_rejected/en"),
                    templates(DEPARTMENT_HEAD));
            assertEquals(List.of("official_escalated/en", "official_disputed/en"), templates(COLLECTOR));
            assertEquals(List.of(NUMBER, "लोक स्वास्थ्य यांत्रिकी विभाग (पेयजल)", "3 दिसंबर 2026, 11:30 IST"),
                    parameters(Citizens.received(BLOCK_OFFICER).get(0)));
            assertEquals(List.of(NUMBER, "जिले के विभाग प्रमुख"),
                    parameters(Citizens.received(BLOCK_OFFICER).get(2)));
            assertEquals(List.of(NUMBER, "Public Health Engineering Department (drinking water)",
                            "its deadline passed", "6 Dec 2026, 6:00 pm IST"),
                    parameters(Citizens.received(DEPARTMENT_HEAD).get(0)));
            assertEquals(List.of(NUMBER, "the Collector's office"),
                    parameters(Citizens.received(DEPARTMENT_HEAD).get(1)));
            assertEquals(List.of(NUMBER, "Public Health Engineering Department (drinking water)",
                            "the citizen was not satisfied with its resolution", "9 Dec 2026, 10:00 am IST"),
                    parameters(Citizens.received(COLLECTOR).get(0)));

            // The citizen heard their own news (assigned, escalated, resolved, reopened, resolved, reopened) and
            // nothing meant for an official.
            List<Map<String, Object>> toCitizen = Citizens.received(citizen);
            assertEquals(6, toCitizen.size(), toCitizen.toString());
            assertTrue(toCitizen.stream().noneMatch(m -> "template".equals(m.get("type"))), toCitizen.toString());

            List<ConsumerRecord<String, String>> alertOutcomes = new ArrayList<>();
            for (var record : deliveries.drain(Duration.ofSeconds(4))) {
                JsonNode outcome = Json.mapper().readTree(record.value());
                if (g.equals(outcome.path("grievanceId").asText())
                        && outcome.path("kind").asText().startsWith("official-")) {
                    alertOutcomes.add(record);
                }
            }
            Map<String, List<String>> statesByMessage = new LinkedHashMap<>();
            for (var record : alertOutcomes) {
                ContractAssertions.assertHonoursContract(record);
                JsonNode outcome = Json.mapper().readTree(record.value());
                assertTrue(outcome.path("citizenRef").isMissingNode(), "an alert is no citizen's: " + record.value());
                for (String official : List.of(BLOCK_OFFICER, DEPARTMENT_HEAD, COLLECTOR, citizen)) {
                    assertNull(WhatsAppIds.leakIn(everything(record), official), "a phone number on the topic");
                }
                statesByMessage.computeIfAbsent(record.key(), k -> new ArrayList<>())
                        .add(outcome.path("state").asText());
            }
            assertEquals(7, statesByMessage.size(), statesByMessage.toString());
            statesByMessage.values().forEach(states -> assertEquals(List.of("SENT", "DELIVERED", "READ"), states));
        }
        String metrics = given().get("/q/metrics").asString();
        String log = Files.readString(Path.of("target", "notification-service-test.log"), StandardCharsets.UTF_8);
        for (String official : List.of(BLOCK_OFFICER, DEPARTMENT_HEAD, COLLECTOR)) {
            assertNull(WhatsAppIds.leakIn(metrics, official), "a phone number in the metrics");
            assertNull(WhatsAppIds.leakIn(log, official), "a phone number in the service's log");
        }
    }

    @Test
    void anAlertNeitherWaitsForNorCountsAsTheConversationOfACitizenOnTheSameNumber() throws Exception {
        // The PHE officer of Balod also wrote to the district's number as a citizen, then opted out of news; a reply
        // to them waits for its retry (a transient failure) for another five minutes.
        Citizens.optsOut(ALSO_A_CITIZEN); // as chatbot-service publishes it
        await().atMost(PATIENCE).until(() -> Citizens.query(dataSource,
                "select count(*) from citizen where wa_id = ? and opted_out", ALSO_A_CITIZEN) == 1);
        String waiting = "reply:" + WhatsAppIds.messageId(ALSO_A_CITIZEN) + ":1";
        try (var c = dataSource.getConnection(); var s = c.prepareStatement("""
                insert into outbound_message (outbound_id, wa_id, citizen_ref, district_code, kind, language,
                    proactive, message, state, attempts, next_attempt_at, error_code, created_at, updated_at)
                values (?, ?, ?, 'BLD', 'reply', 'hi', false, cast(? as jsonb), 'QUEUED', 1, ?, 131000, now(),
                    now())""")) {
            s.setString(1, waiting);
            s.setString(2, ALSO_A_CITIZEN);
            s.setString(3, Citizens.ref(ALSO_A_CITIZEN));
            s.setString(4, Citizens.json(Map.of("content",
                    OutboundMessage.Content.text("ठीक है, अब आपको खबरें नहीं भेजी जाएंगी"))));
            s.setTimestamp(5, Timestamp.from(Instant.now().plus(Duration.ofMinutes(5))));
            s.executeUpdate();
        }
        int before = Citizens.received(ALSO_A_CITIZEN).size();
        String g = UUID.randomUUID().toString();
        String someoneElse = Citizens.ref(Citizens.newCitizen());
        publish(List.of(event(g, 2, "ASSIGN", someoneElse, "phe-balod", null, 1, "2026-12-04T06:00:00Z", false)));

        await().atMost(PATIENCE).until(() -> Citizens.received(ALSO_A_CITIZEN).size() > before);
        Thread.sleep(1_000);
        List<Map<String, Object>> after = Citizens.received(ALSO_A_CITIZEN);
        assertEquals(List.of("official_assigned/hi"), after.subList(before, after.size()).stream()
                .map(OfficialAlertsTest::template).toList());
        assertEquals("QUEUED", Citizens.state(dataSource, waiting), "the citizen's reply still waits its turn");
    }

    @Test
    void anOfficialTheDirectoryDoesNotNameOrGivesNoNumberIsSkippedAndCountedOnce() throws Exception {
        double unknownBefore = skipped("unknown-official");
        double noNumberBefore = skipped("no-number");
        String retired = UUID.randomUUID().toString();
        String vacant = UUID.randomUUID().toString();
        String ref = Citizens.ref(Citizens.newCitizen());
        List<GrievanceEvent> unreachable = List.of(
                event(retired, 2, "ASSIGN", ref, "phe-retired", null, 1, "2026-12-04T06:00:00Z", false),
                event(vacant, 2, "ASSIGN", ref, "phe-dondi", null, 1, "2026-12-04T06:00:00Z", false));
        try (var dlq = KafkaTestClient.fromNowOn(Topics.deadLetter(Topics.GRIEVANCE_EVENTS))) {
            publish(unreachable);
            await().atMost(PATIENCE).until(() -> Citizens.query(dataSource, """
                    select count(*) from outbound_message where grievance_id in (?::uuid, ?::uuid)
                    and state = 'SKIPPED'""", retired, vacant) == 2);
            // Redelivered, then each grievance moves on to the PWD officer (after the redelivery, on the same key).
            publish(unreachable);
            publish(List.of(
                    event(retired, 3, "TRANSFER", ref, "pwd-gurur", "phe-retired", 1, "2026-12-08T06:00:00Z", false),
                    event(vacant, 3, "REASSIGN", ref, "pwd-gurur", "phe-dondi", 1, "2026-12-08T06:00:00Z", false)));
            await().atMost(PATIENCE).until(() -> Citizens.received(PWD_OFFICER).size() >= 2);
            Thread.sleep(1_000);

            assertEquals(List.of("official_assigned/hi", "official_assigned/hi"), templates(PWD_OFFICER));
            assertEquals(1.0, skipped("unknown-official") - unknownBefore, "counted once though redelivered");
            assertEquals(1.0, skipped("no-number") - noNumberBefore, "counted once though redelivered");
            assertEquals(2, Citizens.query(dataSource, """
                    select count(*) from outbound_message where grievance_id in (?::uuid, ?::uuid)
                    and state = 'SKIPPED'""", retired, vacant));
            assertEquals(List.of(), dlq.drain(Duration.ofSeconds(2)).stream()
                    .filter(r -> r.key().equals(retired) || r.key().equals(vacant)).toList(), "not dead-lettered");
        }
    }

    @Test
    void onlyTheHighestDirectoryVersionSaysWhereAnOfficialsAlertsGo() throws Exception {
        String current = mobile();
        String older = mobile();
        String repeated = mobile();
        int version = (int) Citizens.query(dataSource,
                "select coalesce(max(version), 0) + 7 from directory_version where district_code = 'DRG'");
        // Durg's directory: the latest version, then an older one arriving late, then the latest again, altered.
        for (var published : List.of(Map.entry(version, current), Map.entry(version - 1, older),
                Map.entry(version, repeated))) {
            var directory = new DistrictDirectory("DRG", List.of("Patan"), 0.4, "P2D", List.of(),
                    List.of(official("drg-collector", "COLLECTOR", null, null, published.getValue(), "en")));
            KafkaTestClient.produce(Topics.ROUTING_DIRECTORY, Map.of("DRG", Citizens.json(
                    DirectoryEvent.of(published.getKey(), "collector", Instant.now(), directory))));
        }
        String g = UUID.randomUUID().toString();
        GrievanceEvent assign = event(g, 2, "ASSIGN", Citizens.ref(Citizens.newCitizen()), "drg-collector", null, 1,
                "2026-12-04T06:00:00Z", false);
        publish(List.of(new GrievanceEvent(assign.eventId(), assign.eventType(), assign.occurredAt(), "DRG",
                assign.grievanceId(), "DRG-2026-000031", assign.version(), assign.action(), assign.fromStatus(),
                assign.toStatus(), assign.actor(), null, assign.citizenRef(), "hi", "REVENUE", "Patan",
                "drg-collector", 1, assign.dueAt(), null, null, null, null, null)));

        await().atMost(PATIENCE).until(() -> !Citizens.received(current).isEmpty());
        Thread.sleep(1_000);
        assertEquals(List.of("official_assigned/en"), templates(current));
        assertEquals(List.of(), templates(older));
        assertEquals(List.of(), templates(repeated));
    }

    private static DistrictDirectory.Official official(String id, String role, String department, String block,
                                                       String whatsapp, String language) {
        return new DistrictDirectory.Official(id, id, role, department, block, whatsapp, language);
    }

    private static GrievanceEvent event(String grievanceId, int version, String action, String citizenRef,
                                        String holder, String previous, int level, String dueAt, boolean disputed) {
        String eventId = UUID.nameUUIDFromBytes((grievanceId + "/" + version).getBytes(StandardCharsets.UTF_8))
                .toString();
        String actor = "REMIND".equals(action) || "ESCALATE".equals(action) ? "SYSTEM"
                : action.contains("RESOLUTION") ? "CITIZEN" : "OFFICER";
        return new GrievanceEvent(eventId, GrievanceEvent.eventTypeOf(action), Instant.now(), "BLD", grievanceId,
                NUMBER, version, action, "ASSIGNED", "ASSIGNED", new GrievanceEvent.Actor("x", actor),
                "RESOLVE".equals(action) ? "नया हैंडपंप वॉशर लगाया" : null, citizenRef, "hi", "PHE", "Gurur", holder,
                level, Instant.parse(dueAt), null, null, null, previous, disputed ? true : null);
    }

    private static void publish(List<GrievanceEvent> events) {
        for (GrievanceEvent event : events) {
            KafkaTestClient.produce(Topics.GRIEVANCE_EVENTS, Map.of(event.grievanceId(), Citizens.json(event)));
        }
    }

    /** What the phone received, as {@code template name/language} per message. */
    private static List<String> templates(String phone) {
        return Citizens.received(phone).stream().map(OfficialAlertsTest::template).toList();
    }

    /** {@code name/language} of a template, the type of anything else. */
    private static String template(Map<String, Object> sent) {
        JsonNode request = Json.mapper().valueToTree(sent);
        return !"template".equals(request.path("type").asText()) ? request.path("type").asText()
                : request.path("template").path("name").asText() + "/"
                        + request.path("template").path("language").path("code").asText();
    }

    private static List<String> parameters(Map<String, Object> sent) {
        List<String> parameters = new ArrayList<>();
        Json.mapper().valueToTree(sent).path("template").path("components").get(0).path("parameters")
                .forEach(p -> parameters.add(p.path("text").asText()));
        return parameters;
    }

    private static String everything(ConsumerRecord<String, String> record) {
        StringBuilder all = new StringBuilder(record.key()).append('\n').append(record.value());
        for (Header header : record.headers()) {
            all.append('\n').append(header.key()).append('=')
                    .append(new String(header.value(), StandardCharsets.UTF_8));
        }
        return all.toString();
    }

    private static double skipped(String reason) {
        Matcher m = Pattern.compile("notification_alerts_skipped_total\\{[^}]*reason=\"" + reason + "\"[^}]*} (\\S+)")
                .matcher(given().get("/q/metrics").asString());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    /** A realistic Indian mobile number, 91 and ten digits starting 6-9. */
    private static String mobile() {
        return "91" + ThreadLocalRandom.current().nextInt(6, 10)
                + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
    }
}
