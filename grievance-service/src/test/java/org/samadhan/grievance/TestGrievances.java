package org.samadhan.grievance;

import static org.junit.jupiter.api.Assertions.fail;

import io.agroal.api.AgroalDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.samadhan.contracts.Json;
import org.samadhan.contracts.Topics;
import org.samadhan.contracts.grievance.GrievanceCommand;
import org.samadhan.testsupport.KafkaTestClient;
import org.samadhan.testsupport.OfficialTokens;
import org.samadhan.testsupport.TestDirectory;

/** Grievances made the way production makes them (commands on Kafka), and officials' tokens, for the tests. */
public final class TestGrievances {

    private TestGrievances() {
    }

    /** Registers and assigns {@code count} grievances to the department and block; waits until they are ASSIGNED. */
    public static List<String> assigned(AgroalDataSource dataSource, int count, String department, String block)
            throws SQLException, InterruptedException {
        TestDirectory.ensurePublished(dataSource);
        Map<String, String> registers = new LinkedHashMap<>();
        Map<String, String> assigns = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String id = UUID.randomUUID().toString();
            registers.put(id, json(register(id, block)));
            assigns.put(id, json(new GrievanceCommand("routing:" + id, GrievanceCommand.CommandType.ASSIGN,
                    Instant.now(), "BLD", id, "routing-service", null, new GrievanceCommand.Assign(department, block,
                    TestDirectory.officer(department, block), 0.95, List.of("test")), null)));
        }
        KafkaTestClient.produce(Topics.GRIEVANCE_COMMANDS, registers);
        KafkaTestClient.produce(Topics.GRIEVANCE_COMMANDS, assigns);
        List<String> ids = List.copyOf(registers.keySet());
        awaitStatus(dataSource, ids, "ASSIGNED");
        awaitPublished(dataSource, ids);
        return ids;
    }

    public static GrievanceCommand register(String id, String block) {
        return new GrievanceCommand("chatbot:" + id, GrievanceCommand.CommandType.REGISTER, Instant.now(), "BLD", id,
                "chatbot-service", new GrievanceCommand.Register("cz-" + id.substring(0, 8), "919876543210", "hi",
                "हैंडपंप 10 दिन से खराब है, village Kusumkasa", null,
                new GrievanceCommand.Location(null, null, block, "Kusumkasa"), List.of()), null, null);
    }

    public static GrievanceCommand feedback(String id, String commandId, boolean satisfied, Integer rating,
                                            String reason) {
        return new GrievanceCommand(commandId, GrievanceCommand.CommandType.SUBMIT_FEEDBACK, Instant.now(), "BLD",
                id, "chatbot-service", null, null, new GrievanceCommand.Feedback(satisfied, rating, reason));
    }

    public static String json(GrievanceCommand command) {
        try {
            return Json.mapper().writeValueAsString(command);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until every grievance is in {@code status}. */
    public static void awaitStatus(AgroalDataSource dataSource, List<String> ids, String status)
            throws SQLException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            try (var c = dataSource.getConnection(); var s = c.prepareStatement(
                    "select count(*) from grievance where id = any (?) and status = ?")) {
                s.setArray(1, c.createArrayOf("uuid", ids.stream().map(UUID::fromString).toArray()));
                s.setString(2, status);
                try (var r = s.executeQuery()) {
                    r.next();
                    if (r.getInt(1) == ids.size()) {
                        return;
                    }
                }
            }
            Thread.sleep(100);
        }
        fail("Grievances did not all reach " + status + " in 30 s: " + ids);
    }

    /** Waits until the outbox relay has published every event of these grievances. */
    public static void awaitPublished(AgroalDataSource dataSource, List<String> ids)
            throws SQLException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            try (var c = dataSource.getConnection(); var s = c.prepareStatement(
                    "select count(*) from outbox where convert_from(record_key::bytea, 'UTF8') = any (?)")) {
                s.setArray(1, c.createArrayOf("text", ids.toArray()));
                try (var r = s.executeQuery()) {
                    r.next();
                    if (r.getInt(1) == 0) {
                        return;
                    }
                }
            }
            Thread.sleep(100);
        }
        fail("Events of " + ids + " were not published in 30 s");
    }

    /**
     * A bearer token as Keycloak would issue it for the portal: realm roles, the official's department and block
     * claims, and this service as its audience.
     */
    public static String token(String user, String role, String department, String block) {
        return OfficialTokens.token("grievance-service", user, role, department, block);
    }
}
