package org.samadhan.analytics.bench;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.samadhan.testsupport.KafkaTestResource;
import org.samadhan.testsupport.PostgresTestResource;

/**
 * Makes the test broker and database behave as deployed before the service starts: every topic of
 * {@code deploy/kafka/topics.tsv} with its partitions and configs (not the broker's three auto-created partitions),
 * and PostgreSQL committing synchronously (the embedded server's default is {@code synchronous_commit=off}, which
 * would flatter every figure that waits for a commit).
 */
public class DeployedInfrastructure implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        try {
            createTopics(KafkaTestResource.bootstrapServers());
            commitSynchronously(PostgresTestResource.datasource());
        } catch (IOException | SQLException | ExecutionException e) {
            throw new IllegalStateException("Could not prepare the benchmark's infrastructure", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return Map.of();
    }

    @Override
    public void stop() {
    }

    private static void createTopics(String bootstrap) throws IOException, ExecutionException, InterruptedException {
        List<NewTopic> topics = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("..", "deploy", "kafka", "topics.tsv"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t");
            Map<String, String> configs = new HashMap<>();
            if (fields.length > 2 && !fields[2].isBlank()) {
                for (String config : fields[2].split(",")) {
                    String[] pair = config.split("=", 2);
                    configs.put(pair[0], pair[1]);
                }
            }
            topics.add(new NewTopic(fields[0], Integer.parseInt(fields[1]), (short) 1).configs(configs));
        }
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(topics).all().get();
        }
    }

    /** A database's own setting applies to every session opened after it, over the server's command line. */
    private static void commitSynchronously(Map<String, String> datasource) throws SQLException {
        try (var c = DriverManager.getConnection(datasource.get("quarkus.datasource.jdbc.url"),
                datasource.get("quarkus.datasource.username"), datasource.get("quarkus.datasource.password"));
             var s = c.createStatement()) {
            s.execute("alter database " + c.getCatalog() + " set synchronous_commit = on");
        }
    }
}
