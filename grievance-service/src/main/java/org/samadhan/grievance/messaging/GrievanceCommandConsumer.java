package org.samadhan.grievance.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.samadhan.contracts.Json;
import org.samadhan.contracts.Topics;
import org.samadhan.contracts.grievance.GrievanceCommand;
import org.samadhan.grievance.GrievanceCommands;
import org.samadhan.grievance.persistence.Transactions;
import org.samadhan.messaging.OutboxRecord;
import org.samadhan.messaging.OutboxWriter;

/**
 * Consumes {@code grievance.commands.v1} in batches, one database transaction per batch (one commit for many
 * commands is what lets registration keep up with bursts). A command that cannot be read or is refused is rolled
 * back to its savepoint and written to the dead-letter topic through the outbox, with the reason, in the same
 * transaction; offsets are committed only after the transaction. When the database is unreachable the batch is
 * retried with backoff instead of being dropped.
 */
@ApplicationScoped
public class GrievanceCommandConsumer {

    private static final Logger LOG = Logger.getLogger(GrievanceCommandConsumer.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final AgroalDataSource dataSource;
    private final GrievanceCommands commands;
    private final MeterRegistry metrics;

    public GrievanceCommandConsumer(AgroalDataSource dataSource, GrievanceCommands commands, MeterRegistry metrics) {
        this.dataSource = dataSource;
        this.commands = commands;
        this.metrics = metrics;
    }

    @Incoming("grievance-commands")
    @Blocking // JDBC; batches are processed one after another, so per-grievance order holds
    public void consume(ConsumerRecords<String, String> records) throws InterruptedException {
        Duration backoff = Duration.ofMillis(500);
        while (true) {
            try {
                Transactions.inTransaction(dataSource, c -> {
                    for (ConsumerRecord<String, String> record : records) {
                        handle(c, record);
                    }
                    return null;
                });
                return;
            } catch (SQLException e) {
                if (!isTransient(e)) {
                    throw new IllegalStateException("Command batch failed: " + e.getMessage(), e);
                }
                LOG.warnf("Database unavailable (%s); retrying %d commands in %s", e.getMessage(), records.count(),
                        backoff);
                Thread.sleep(backoff.toMillis());
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private void handle(Connection c, ConsumerRecord<String, String> record) throws SQLException {
        Savepoint savepoint = c.setSavepoint();
        String outcome;
        String type = "unreadable";
        try {
            GrievanceCommand command = parse(record.value());
            type = command.commandType().name();
            outcome = commands.handle(c, command).isPresent() ? "applied" : "duplicate";
            c.releaseSavepoint(savepoint);
        } catch (SQLException e) {
            if (isTransient(e)) {
                throw e;
            }
            outcome = deadLetter(c, savepoint, record, "rejected by the database: " + e.getMessage());
        } catch (RuntimeException e) {
            outcome = deadLetter(c, savepoint, record, e.getMessage());
        }
        metrics.counter("grievance.commands", "type", type, "outcome", outcome).increment();
    }

    private static String deadLetter(Connection c, Savepoint savepoint, ConsumerRecord<String, String> record,
                                      String reason) throws SQLException {
        c.rollback(savepoint);
        LOG.warnf("Command at %s-%d offset %d dead-lettered: %s", record.topic(), record.partition(),
                record.offset(), reason);
        OutboxWriter.append(c, OutboxRecord.deadLetter(Topics.GRIEVANCE_COMMANDS, record.key(),
                record.value() == null ? new byte[0] : record.value().getBytes(StandardCharsets.UTF_8),
                reason == null ? "unexpected failure" : reason));
        return "dead-lettered";
    }

    /** Connection loss, serialization failures, resource limits, operator action, or the pool timing out. */
    private static boolean isTransient(SQLException e) {
        String state = e.getSQLState();
        return state == null || state.startsWith("08") || state.startsWith("40") || state.startsWith("53")
                || state.startsWith("57") || state.startsWith("58");
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
