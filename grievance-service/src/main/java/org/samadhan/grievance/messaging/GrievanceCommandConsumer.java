package org.samadhan.grievance.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.samadhan.contracts.Json;
import org.samadhan.contracts.grievance.GrievanceCommand;
import org.samadhan.grievance.GrievanceCommands;
import org.samadhan.messaging.OutboxRelayJob;
import org.samadhan.messaging.TransactionalBatch;

/**
 * Consumes {@code grievance.commands.v1} in batches, one database transaction per batch (one commit for many
 * commands is what lets registration keep up with bursts). A command that cannot be read or is refused goes to the
 * dead-letter topic with the reason, through the outbox, in the same transaction (messaging-support's
 * TransactionalBatch); offsets are committed only after the transaction.
 */
@ApplicationScoped
public class GrievanceCommandConsumer implements TransactionalBatch.RecordHandler {

    private final AgroalDataSource dataSource;
    private final GrievanceCommands commands;
    private final MeterRegistry metrics;
    private final OutboxRelayJob relay;

    public GrievanceCommandConsumer(AgroalDataSource dataSource, GrievanceCommands commands, MeterRegistry metrics,
                                    OutboxRelayJob relay) {
        this.dataSource = dataSource;
        this.commands = commands;
        this.metrics = metrics;
        this.relay = relay;
    }

    @Incoming("grievance-commands")
    @Blocking // JDBC; batches are processed one after another, so per-grievance order holds
    public void consume(ConsumerRecords<String, String> records) throws InterruptedException {
        TransactionalBatch.process(dataSource, records, this);
        relay.wake(); // the citizen is waiting for their grievance number
    }

    @Override
    public void handle(Connection c, ConsumerRecord<String, String> record) throws SQLException {
        GrievanceCommand command = parse(record.value());
        String outcome = commands.handle(c, command).isPresent() ? "applied" : "duplicate";
        metrics.counter("grievance.commands", "type", command.commandType().name(), "outcome", outcome).increment();
    }

    @Override
    public void deadLettered(ConsumerRecord<String, String> record, String reason) {
        metrics.counter("grievance.commands", "type", "any", "outcome", "dead-lettered").increment();
    }

    private static GrievanceCommand parse(String json) {
        if (json == null) {
            throw new IllegalArgumentException("empty record");
        }
        try {
            GrievanceCommand command = Json.mapper().readValue(json, GrievanceCommand.class);
            if (command.commandId() == null || command.commandType() == null || command.grievanceId() == null
                    || command.districtCode() == null || !hasBody(command)) {
                throw new IllegalArgumentException(
                        "command lacks commandId, commandType, grievanceId, districtCode or its body");
            }
            return command;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a grievance command: " + e.getOriginalMessage());
        }
    }

    private static boolean hasBody(GrievanceCommand command) {
        return switch (command.commandType()) {
            case REGISTER -> command.register() != null;
            case ASSIGN -> command.assign() != null;
            case SUBMIT_FEEDBACK -> command.feedback() != null;
        };
    }
}
