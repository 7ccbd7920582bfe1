package org.samadhan.routing.messaging;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.samadhan.contracts.Topics;
import org.samadhan.contracts.grievance.GrievanceCommand;
import org.samadhan.contracts.grievance.GrievanceEvent;
import org.samadhan.messaging.ConsumedRecords;
import org.samadhan.messaging.OutboxRecord;
import org.samadhan.messaging.OutboxWriter;
import org.samadhan.messaging.OutboxRelayJob;
import org.samadhan.messaging.TransactionalBatch;
import org.samadhan.routing.Router;
import org.samadhan.routing.RoutingDecision;
import org.samadhan.routing.config.RoutingConfig;
import org.samadhan.routing.directory.Directory;

/**
 * Routes every registered grievance ({@code grievance.events.v1} REGISTER): decides department and officer and sends
 * the ASSIGN command, once per grievance (the routed_grievance row and the command commit together; a redelivered
 * event finds the row and does nothing). Learns from transfers: a grievance an officer moved to another department is
 * recorded as a correction, and the classifier is retrained with it.
 */
@ApplicationScoped
public class GrievanceEventConsumer implements TransactionalBatch.RecordHandler {

    private static final Logger LOG = Logger.getLogger(GrievanceEventConsumer.class);

    private final AgroalDataSource dataSource;
    private final Router router;
    private final Directory directory;
    private final OutboxRelayJob relay;
    private final RoutingConfig config;
    private final MeterRegistry metrics;
    private final AtomicBoolean corrected = new AtomicBoolean();

    public GrievanceEventConsumer(AgroalDataSource dataSource, Router router, Directory directory,
                                  OutboxRelayJob relay, RoutingConfig config, MeterRegistry metrics) {
        this.dataSource = dataSource;
        this.router = router;
        this.directory = directory;
        this.relay = relay;
        this.config = config;
        this.metrics = metrics;
    }

    @Incoming("grievance-events")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) throws InterruptedException, SQLException {
        corrected.set(false);
        TransactionalBatch.process(dataSource, records, this);
        relay.wake();
        if (corrected.get() && config.learnFromCorrections()) {
            directory.reload(); // learn from the corrections just committed
        }
    }

    @Override
    public void handle(Connection c, ConsumerRecord<String, String> record) throws SQLException {
        GrievanceEvent event = ConsumedRecords.read(record, GrievanceEvent.class);
        if ("REGISTER".equals(event.action())) {
            route(c, event);
        } else if ("TRANSFER".equals(event.action())) {
            learn(c, event);
        }
    }

    private void route(Connection c, GrievanceEvent event) throws SQLException {
        if (event.grievanceId() == null || event.description() == null || event.description().isBlank()) {
            throw new IllegalArgumentException("REGISTER event without grievanceId or description");
        }
        RoutingDecision decision = router.route(event.description(), event.category(), event.block());
        Instant now = Instant.now();
        try (PreparedStatement s = c.prepareStatement("insert into routed_grievance (grievance_id, description, block, "
                + "department_code, officer_id, confidence, auto_routed, routed_at) values (?, ?, ?, ?, ?, ?, ?, ?) "
                + "on conflict (grievance_id) do nothing")) {
            s.setObject(1, UUID.fromString(event.grievanceId()));
            s.setString(2, event.description());
            s.setString(3, event.block());
            s.setString(4, decision.routedTo());
            s.setString(5, decision.officerId());
            s.setDouble(6, decision.confidence());
            s.setBoolean(7, decision.autoRoute());
            s.setTimestamp(8, Timestamp.from(now));
            if (s.executeUpdate() == 0) {
                return; // routed before: a redelivered event
            }
        }
        String commandId = "routing:assign:" + event.grievanceId();
        var command = new GrievanceCommand(commandId, GrievanceCommand.CommandType.ASSIGN, now, event.districtCode(),
                event.grievanceId(), "routing-service", null, new GrievanceCommand.Assign(decision.routedTo(),
                event.block(), decision.officerId(), round(decision.confidence()), decision.reasons(),
                decision.serviceLevel()), null);
        OutboxWriter.append(c, OutboxRecord.event(Topics.GRIEVANCE_COMMANDS, event.grievanceId(), commandId,
                GrievanceCommand.EVENT_TYPE, config.eventSource(), now, event.grievanceId(), event.districtCode(),
                command));
        metrics.counter("routing.routed", "department", decision.routedTo(),
                "auto", String.valueOf(decision.autoRoute())).increment();
    }

    private void learn(Connection c, GrievanceEvent event) throws SQLException {
        String text;
        String from;
        try (PreparedStatement s = c.prepareStatement(
                "select description, department_code from routed_grievance where grievance_id = ?")) {
            s.setObject(1, UUID.fromString(event.grievanceId()));
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return; // not routed here (e.g. before this service ran): nothing to learn from
                }
                text = r.getString(1);
                from = r.getString(2);
            }
        }
        if (event.departmentCode() == null || event.departmentCode().equals(from)) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("insert into correction (grievance_id, version, description, "
                + "from_department, to_department, corrected_at) values (?, ?, ?, ?, ?, ?) on conflict do nothing")) {
            s.setObject(1, UUID.fromString(event.grievanceId()));
            s.setLong(2, event.version());
            s.setString(3, text);
            s.setString(4, from);
            s.setString(5, event.departmentCode());
            s.setTimestamp(6, Timestamp.from(event.occurredAt() == null ? Instant.now() : event.occurredAt()));
            if (s.executeUpdate() == 1) {
                corrected.set(true);
                metrics.counter("routing.corrections", "from", from, "to", event.departmentCode()).increment();
                LOG.infof("Correction recorded: %s -> %s", from, event.departmentCode());
            }
        }
    }

    private static double round(double confidence) {
        return Math.round(confidence * 1000) / 1000.0;
    }
}
