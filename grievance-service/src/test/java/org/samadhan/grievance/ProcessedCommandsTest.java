package org.samadhan.grievance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.samadhan.testsupport.KafkaTestResource;
import org.samadhan.testsupport.PostgresTestResource;

/** Processed command ids are forgotten only once the commands topic can no longer redeliver them (35 days). */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, parallel = true)
@WithTestResource(value = PostgresTestResource.class, parallel = true)
@WithTestResource(value = OidcWiremockTestResource.class, parallel = true)
class ProcessedCommandsTest {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ProcessedCommands processed;

    @Test
    void idsOlderThanTheRetentionArePurgedAndRecentOnesKept() throws Exception {
        Instant now = Instant.parse("2030-01-10T00:00:00Z");
        try (var c = dataSource.getConnection(); var s = c.prepareStatement(
                "insert into processed_command (command_id, processed_at) values (?, ?)")) {
            for (int days : List.of(40, 36, 34, 1)) {
                s.setString(1, "purge-test:" + days);
                s.setTimestamp(2, Timestamp.from(now.minus(Duration.ofDays(days))));
                s.executeUpdate();
            }
        }
        processed.purgeAt(now);
        List<String> left = new ArrayList<>();
        try (var c = dataSource.getConnection(); var s = c.prepareStatement(
                "select command_id from processed_command where command_id like 'purge-test:%' order by 1");
             var r = s.executeQuery()) {
            while (r.next()) {
                left.add(r.getString(1));
            }
        }
        assertEquals(List.of("purge-test:1", "purge-test:34"), left);
    }
}
