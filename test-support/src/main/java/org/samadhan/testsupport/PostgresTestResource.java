package org.samadhan.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;

/**
 * A real PostgreSQL server inside the test JVM's process tree, started once per JVM and shared by every test class.
 * When {@code TEST_DATABASE_URL} (with {@code TEST_DATABASE_USER} and {@code TEST_DATABASE_PASSWORD}) is set, that
 * database is used instead and nothing starts.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedPostgres postgres;
    private static Map<String, String> datasource;

    @Override
    public Map<String, String> start() {
        return datasource();
    }

    @Override
    public void stop() {
        // Shared across test classes; it stops with the JVM.
    }

    /** Quarkus datasource properties of the shared database, starting it on first use. */
    public static synchronized Map<String, String> datasource() {
        if (datasource == null) {
            String url = System.getenv("TEST_DATABASE_URL");
            datasource = url != null && !url.isBlank()
                    ? properties(url, System.getenv("TEST_DATABASE_USER"), System.getenv("TEST_DATABASE_PASSWORD"))
                    : startEmbedded();
        }
        return datasource;
    }

    private static Map<String, String> startEmbedded() {
        try {
            // Started beside Kafka and other processes on two cores: allow more than the default 10 s.
            postgres = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(90)).start();
            Runtime.getRuntime().addShutdownHook(new Thread(PostgresTestResource::closeQuietly, "postgres-test-shutdown"));
            return properties(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL server", e);
        }
    }

    private static Map<String, String> properties(String url, String user, String password) {
        return Map.of(
                "quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", user == null ? "" : user,
                "quarkus.datasource.password", password == null ? "" : password);
    }

    private static void closeQuietly() {
        try {
            postgres.close();
        } catch (IOException e) {
            // The JVM is exiting; the data directory is under target/.
        }
    }
}
