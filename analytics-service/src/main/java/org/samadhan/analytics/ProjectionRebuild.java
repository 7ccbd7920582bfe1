package org.samadhan.analytics;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.samadhan.analytics.config.AnalyticsConfig;
import org.samadhan.analytics.messaging.DeliveryConsumer;
import org.samadhan.analytics.messaging.GrievanceEventConsumer;
import org.samadhan.analytics.persistence.RollupStore;
import org.samadhan.contracts.Topics;
import org.samadhan.messaging.TransactionalBatch;

/**
 * Rebuilds the figures from the topics (README: "Rebuilding the figures"): empties the projection, then replays
 * {@code grievance.events.v1} and {@code notification.deliveries.v1} from the beginning through the same handlers as
 * the live consumers, up to the ends they had once the projection was empty. What the live consumers project
 * meanwhile is kept; they and the replay may meet the same event, which the projection recognises.
 */
@ApplicationScoped
public class ProjectionRebuild {

    private static final Logger LOG = Logger.getLogger(ProjectionRebuild.class);

    /** How many events were replayed, and how long it took. */
    public record Result(long grievanceEvents, long deliveries, Duration took) {
    }

    private final AgroalDataSource dataSource;
    private final GrievanceProjection projection;
    private final GrievanceEventConsumer grievanceEvents;
    private final DeliveryConsumer deliveries;
    private final String bootstrapServers;
    private final boolean onStart;

    public ProjectionRebuild(AgroalDataSource dataSource, GrievanceProjection projection,
                             GrievanceEventConsumer grievanceEvents,
                             DeliveryConsumer deliveries,
                             @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                             AnalyticsConfig config) {
        this.dataSource = dataSource;
        this.projection = projection;
        this.grievanceEvents = grievanceEvents;
        this.deliveries = deliveries;
        this.bootstrapServers = bootstrapServers;
        this.onStart = config.rebuildOnStart();
    }

    void onStart(@Observes StartupEvent start) throws Exception {
        backfillRollups();
        if (onStart) {
            Result result = rebuild();
            LOG.infof("Rebuilt the figures from %d grievance events and %d delivery outcomes in %s",
                    result.grievanceEvents(), result.deliveries(), result.took());
        }
    }

    public Result rebuild() throws SQLException, InterruptedException {
        long started = System.nanoTime();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("truncate grievance_event, delivery_event, " + RollupStore.TABLES);
        }
        long events = replay(Topics.GRIEVANCE_EVENTS, grievanceEvents);
        long outcomes = replay(Topics.NOTIFICATION_DELIVERIES, deliveries);
        return new Result(events, outcomes, Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * Fills the review's rollups from the projection when they are empty although it is not (a database projected
     * before V3 added them); the live consumers wait meanwhile, as projecting takes the lock this holds. Returns how
     * many grievances it rolled up (0: nothing to do).
     */
    public long backfillRollups() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("lock table grievance_event in share mode");
                long grievances = 0;
                if (RollupStore.needBackfill(c)) {
                    long started = System.nanoTime();
                    grievances = projection.backfill(c);
                    LOG.infof("Rolled up %d grievances for the review in %s", grievances,
                            Duration.ofNanos(System.nanoTime() - started));
                }
                c.commit();
                return grievances;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private long replay(String topic, TransactionalBatch.RecordHandler handler) throws InterruptedException {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "analytics-rebuild-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions));
            long replayed = 0;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                List<ConsumerRecord<String, String>> batch = new ArrayList<>();
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        batch.add(record);
                    }
                }
                if (!batch.isEmpty()) {
                    TransactionalBatch.process(dataSource, batch, handler);
                    replayed += batch.size();
                }
            }
            return replayed;
        }
    }
}
