package org.samadhan.grievance.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.samadhan.contracts.Json;
import org.samadhan.contracts.grievance.GrievanceCommand;
import org.samadhan.grievance.GrievanceAssignment;
import org.samadhan.grievance.GrievanceRegistration;

/**
 * Consumes {@code grievance.commands.v1}. A command that cannot be read or is not handled goes to the dead-letter
 * topic with the reason (failure-strategy in application.properties); the offset is committed only after processing.
 */
@ApplicationScoped
public class GrievanceCommandConsumer {

    private final GrievanceRegistration registration;
    private final GrievanceAssignment assignment;

    public GrievanceCommandConsumer(GrievanceRegistration registration, GrievanceAssignment assignment) {
        this.registration = registration;
        this.assignment = assignment;
    }

    @Incoming("grievance-commands")
    @Blocking // JDBC; SmallRye keeps blocking processing ordered by default, so per-grievance order holds
    public void consume(String json) throws SQLException {
        GrievanceCommand command = parse(json);
        switch (command.commandType()) {
            case REGISTER -> registration.register(command);
            case ASSIGN -> assignment.assign(command);
            default -> throw new UnsupportedCommand(command.commandType() + " is not handled yet (issue #4)");
        }
    }

    private static GrievanceCommand parse(String json) {
        try {
            GrievanceCommand command = Json.mapper().readValue(json, GrievanceCommand.class);
            if (command.commandId() == null || command.commandType() == null || command.grievanceId() == null
                    || command.districtCode() == null
                    || (command.commandType() == GrievanceCommand.CommandType.REGISTER && command.register() == null)
                    || (command.commandType() == GrievanceCommand.CommandType.ASSIGN && command.assign() == null)) {
                throw new UnsupportedCommand("command lacks commandId, commandType, grievanceId, districtCode or body");
            }
            return command;
        } catch (JsonProcessingException e) {
            throw new UnsupportedCommand("not a grievance command: " + e.getOriginalMessage());
        }
    }

    /** A poison command: dead-lettered with this message as the reason, never retried. */
    static final class UnsupportedCommand extends RuntimeException {
        UnsupportedCommand(String reason) {
            super(reason, null, false, false);
        }
    }
}
