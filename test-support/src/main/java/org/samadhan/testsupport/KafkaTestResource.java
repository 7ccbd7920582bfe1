package org.samadhan.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.utils.Exit;
import org.jboss.logging.Logger;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real Kafka broker (KRaft, combined broker and controller) inside the test JVM, started once per JVM and shared by
 * every test class. When {@code KAFKA_BOOTSTRAP_SERVERS} is set, that broker is used instead and nothing starts.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    private static final Logger LOG = Logger.getLogger(KafkaTestResource.class);

    private static KafkaClusterTestKit cluster;
    private static String bootstrapServers;

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", bootstrapServers());
    }

    @Override
    public void stop() {
        // The broker outlives one Quarkus application so the next test class reuses it; it stops with the JVM.
    }

    /** Bootstrap servers of the shared broker, starting it on first use. */
    public static synchronized String bootstrapServers() {
        if (bootstrapServers == null) {
            String external = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
            bootstrapServers = external != null && !external.isBlank() ? external : startEmbedded();
        }
        return bootstrapServers;
    }

    /** Stops the embedded broker (its controller keeps running), to test behaviour while Kafka is unreachable. */
    public static synchronized void stopBroker() {
        embedded().brokers().values().forEach(broker -> broker.shutdown());
    }

    /** Starts the embedded broker again on the same port, after {@link #stopBroker()}. */
    public static synchronized void startBroker() throws Exception {
        embedded().brokers().values().forEach(broker -> broker.startup());
        embedded().waitForReadyBrokers();
    }

    private static KafkaClusterTestKit embedded() {
        if (cluster == null) {
            throw new IllegalStateException("Broker control needs the embedded broker, not KAFKA_BOOTSTRAP_SERVERS");
        }
        return cluster;
    }

    private static String startEmbedded() {
        // A broker must never end the test JVM: Kafka halts its process on fatal errors, which in a shared JVM would
        // turn a green run red with no report. Record the attempt instead; Kafka's own tests do the same.
        Exit.setHaltProcedure((code, message) -> LOG.errorf("Embedded Kafka tried to halt the JVM (%d): %s", code, message));
        Exit.setExitProcedure((code, message) -> LOG.errorf("Embedded Kafka tried to exit the JVM (%d): %s", code, message));
        try {
            cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build())
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("auto.create.topics.enable", "true")
                    .setConfigProp("num.partitions", "3")
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            // Never closed: the broker lives as long as the test JVM. At exit Kafka's TestUtils deletes its log
            // directories under target/ while it still runs, which is why halting is disarmed above.
            return cluster.bootstrapServers();
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the embedded Kafka broker", e);
        }
    }
}
