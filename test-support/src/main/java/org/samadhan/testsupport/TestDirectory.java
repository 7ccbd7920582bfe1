package org.samadhan.testsupport;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.samadhan.contracts.Departments;
import org.samadhan.contracts.Json;
import org.samadhan.contracts.Topics;
import org.samadhan.contracts.directory.DirectoryEvent;
import org.samadhan.contracts.directory.DistrictDirectory;


/**
 * A district directory as routing-service publishes it, for the tests: every department with an officer per block
 * ({@code <department>-<block>-l1}, as {@link TestGrievances} assigns), a head ({@code <department>-head}) and the
 * collector; ELECTRICITY 48 h, PHE 72 h, others 7 days; 3 days for each higher level.
 */
public final class TestDirectory {

    public static final List<String> BLOCKS = List.of("Balod", "Gunderdehi", "Gurur", "Dondi", "Dondi Lohara");
    private static final Map<String, String> SERVICE_LEVELS = Map.of("ELECTRICITY", "PT48H", "PHE", "PT72H");
    private static volatile boolean published;

    private TestDirectory() {
    }

    public static String officer(String department, String block) {
        return department.toLowerCase(Locale.ROOT) + "-" + block.toLowerCase(Locale.ROOT) + "-l1";
    }

    public static String head(String department) {
        return department.toLowerCase(Locale.ROOT) + "-head";
    }

    public static DistrictDirectory directory() {
        List<DistrictDirectory.Department> departments = new ArrayList<>();
        List<DistrictDirectory.Official> officials = new ArrayList<>();
        officials.add(new DistrictDirectory.Official("collector", "Collector", "COLLECTOR", null, null,
                "917000009901", "en"));
        int n = 0;
        for (String code : Departments.CODES) {
            Map<String, String> officers = new LinkedHashMap<>();
            for (String block : BLOCKS) {
                officers.put(block, officer(code, block));
                officials.add(new DistrictDirectory.Official(officer(code, block), code + " officer " + block,
                        "OFFICER", code, block, "9170001" + String.format("%05d", ++n), "hi"));
            }
            officials.add(new DistrictDirectory.Official(head(code), code + " head", "DEPARTMENT_HEAD", code, null,
                    "9170002" + String.format("%05d", ++n), "en"));
            departments.add(new DistrictDirectory.Department(code, Map.of("hi", code, "en", code),
                    SERVICE_LEVELS.getOrDefault(code, "P7D"), officers, List.of(head(code), "collector"), List.of()));
        }
        return new DistrictDirectory("BLD", BLOCKS, 0.4, "P3D", departments, officials);
    }

    /** Publishes a version of the directory and waits until the service under test holds it (its directory_copy table, messaging-support's DirectoryCopy). */
    public static void publish(DataSource dataSource, int version, DistrictDirectory directory)
            throws SQLException, InterruptedException {
        var event = DirectoryEvent.of(version, "test", Instant.now(), directory);
        try {
            KafkaTestClient.produce(Topics.ROUTING_DIRECTORY, Map.of("BLD", Json.mapper().writeValueAsString(event)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            try (var c = dataSource.getConnection(); var s = c.prepareStatement(
                    "select version from directory_copy where district_code = 'BLD'");
                 var r = s.executeQuery()) {
                if (r.next() && r.getInt(1) >= version) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        fail("the service did not receive directory version " + version + " in 30 s");
    }

    /** The standard directory, once per test JVM. */
    public static void ensurePublished(DataSource dataSource) throws SQLException, InterruptedException {
        if (!published) {
            publish(dataSource, 1, directory());
            published = true;
        }
    }
}
