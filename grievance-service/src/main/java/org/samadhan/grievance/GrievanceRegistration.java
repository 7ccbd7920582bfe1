package org.samadhan.grievance;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.samadhan.contracts.grievance.GrievanceCommand;
import org.samadhan.contracts.grievance.GrievanceEvent;
import org.samadhan.grievance.config.GrievanceConfig;
import org.samadhan.grievance.persistence.GrievanceRow;
import org.samadhan.grievance.persistence.GrievanceStore;
import org.samadhan.grievance.persistence.Transactions;
import org.samadhan.grievance.workflow.GrievanceStatus;
import org.samadhan.grievance.workflow.Role;

/**
 * Registers a citizen's grievance: number, row, first history entry and the REGISTER event, in one transaction.
 * A command seen before changes nothing and emits nothing.
 */
@ApplicationScoped
public class GrievanceRegistration {

    private static final Logger LOG = Logger.getLogger(GrievanceRegistration.class);
    /** Numbers carry the year in India's time zone: a complaint filed at 00:30 IST on 1 January is next year's. */
    private static final ZoneId DISTRICT_TIME = ZoneId.of("Asia/Kolkata");

    private final AgroalDataSource dataSource;
    private final GrievanceConfig config;
    private final Clock clock = Clock.systemUTC();

    public GrievanceRegistration(AgroalDataSource dataSource, GrievanceConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    /** The REGISTER event, or empty when this command (or this grievance id) was already registered. */
    public Optional<GrievanceEvent> register(GrievanceCommand command) throws SQLException {
        Optional<GrievanceEvent> event = Transactions.inTransaction(dataSource, c -> registerIn(c, command));
        event.ifPresent(e -> LOG.infof("Registered %s (%s)", e.grievanceNumber(), e.grievanceId()));
        return event;
    }

    private Optional<GrievanceEvent> registerIn(Connection c, GrievanceCommand command) throws SQLException {
        if (!GrievanceStore.markProcessed(c, command.commandId())) {
            LOG.debugf("Command %s was processed before; nothing to do", command.commandId());
            return Optional.empty();
        }
        UUID id = UUID.fromString(command.grievanceId());
        Instant now = Instant.now(clock);
        String district = command.districtCode();
        String number = GrievanceStore.nextNumber(c, district, now.atZone(DISTRICT_TIME).getYear());
        GrievanceCommand.Register r = command.register();
        if (!GrievanceStore.insertRegistered(c, id, district, number, r, now)) {
            LOG.warnf("Grievance %s already exists; command %s ignored", id, command.commandId());
            return Optional.empty();
        }
        var row = new GrievanceRow(id, district, number, GrievanceStatus.REGISTERED, 1, r.citizenRef(), r.language(),
                null, r.location() == null ? null : r.location().block(), null, 1, null);
        return Optional.of(TransitionRecorder.record(c, row, "REGISTER", null,
                new GrievanceEvent.Actor(null, Role.CITIZEN.name()), null, now, config.eventSource()));
    }
}
