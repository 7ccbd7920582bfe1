package org.samadhan.grievance;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.samadhan.contracts.grievance.GrievanceCommand;
import org.samadhan.contracts.grievance.GrievanceEvent;
import org.samadhan.grievance.persistence.GrievanceRow;
import org.samadhan.grievance.persistence.GrievanceStore;
import org.samadhan.grievance.workflow.TransitionRefused;

/**
 * Carries out one command from {@code grievance.commands.v1} on the caller's transaction. The command id is recorded
 * in the same transaction as its effect, so a redelivered command changes nothing and emits nothing.
 */
@ApplicationScoped
public class GrievanceCommands {

    private static final Logger LOG = Logger.getLogger(GrievanceCommands.class);

    private final GrievanceRegistration registration;
    private final GrievanceAssignment assignment;
    private final CitizenFeedback feedback;
    private final Clock clock = Clock.systemUTC();

    public GrievanceCommands(GrievanceRegistration registration, GrievanceAssignment assignment,
                             CitizenFeedback feedback) {
        this.registration = registration;
        this.assignment = assignment;
        this.feedback = feedback;
    }

    /**
     * The event the command caused, or empty when it was processed before.
     *
     * @throws TransitionRefused when the grievance does not exist or the workflow does not allow the command
     */
    public Optional<GrievanceEvent> handle(Connection c, GrievanceCommand command) throws SQLException {
        if (!GrievanceStore.markProcessed(c, command.commandId())) {
            LOG.debugf("Command %s was processed before; nothing to do", command.commandId());
            return Optional.empty();
        }
        Instant now = Instant.now(clock);
        if (command.commandType() == GrievanceCommand.CommandType.REGISTER) {
            return registration.register(c, command, now);
        }
        GrievanceRow row = GrievanceStore.lock(c, UUID.fromString(command.grievanceId()));
        if (row == null) {
            throw new TransitionRefused("No grievance " + command.grievanceId());
        }
        return Optional.of(switch (command.commandType()) {
            case ASSIGN -> assignment.assign(c, row, command, now);
            case SUBMIT_FEEDBACK -> feedback.submit(c, row, command, now);
            case REGISTER -> throw new IllegalStateException("handled above");
        });
    }
}
