package org.samadhan.grievance;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
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
import org.samadhan.grievance.workflow.Role;

/** Registers a citizen's grievance: number, row, first history entry and the REGISTER event. */
@ApplicationScoped
public class GrievanceRegistration {

    private static final Logger LOG = Logger.getLogger(GrievanceRegistration.class);
    /** Numbers carry the year in India's time zone: a complaint filed at 00:30 IST on 1 January is next year's. */
    private static final ZoneId DISTRICT_TIME = ZoneId.of("Asia/Kolkata");

    private final GrievanceConfig config;

    public GrievanceRegistration(GrievanceConfig config) {
        this.config = config;
    }

    /** The REGISTER event, or empty when a grievance with this id already exists. */
    Optional<GrievanceEvent> register(Connection c, GrievanceCommand command, Instant now) throws SQLException {
        UUID id = UUID.fromString(command.grievanceId());
        String district = command.districtCode();
        String number = GrievanceStore.nextNumber(c, district, now.atZone(DISTRICT_TIME).getYear());
        GrievanceCommand.Register r = command.register();
        if (!GrievanceStore.insertRegistered(c, id, district, number, r, now)) {
            LOG.warnf("Grievance %s already exists; command %s ignored", id, command.commandId());
            return Optional.empty();
        }
        var row = GrievanceRow.registered(id, district, number, r.citizenRef(), r.language(),
                r.location() == null ? null : r.location().block());
        return Optional.of(TransitionRecorder.record(c, null, row, "REGISTER",
                new GrievanceEvent.Actor(r.citizenRef(), Role.CITIZEN.name()), null, null, now, config.eventSource(), r));
    }
}
