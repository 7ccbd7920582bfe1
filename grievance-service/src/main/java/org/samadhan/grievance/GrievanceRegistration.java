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
import org.samadhan.contracts.Topics;
import org.samadhan.contracts.grievance.GrievanceCommand;
import org.samadhan.contracts.grievance.GrievanceEvent;
import org.samadhan.grievance.config.GrievanceConfig;
import org.samadhan.grievance.persistence.GrievanceStore;
import org.samadhan.grievance.workflow.GrievanceStatus;
import org.samadhan.grievance.workflow.Role;
import org.samadhan.messaging.OutboxRecord;
import org.samadhan.messaging.OutboxWriter;

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
        UUID id = UUID.fromString(command.grievanceId());
        Instant now = Instant.now(clock);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Optional<GrievanceEvent> event = registerIn(c, command, id, now);
                c.commit();
                event.ifPresent(e -> LOG.infof("Registered %s (%s)", e.grievanceNumber(), e.grievanceId()));
                return event;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private Optional<GrievanceEvent> registerIn(Connection c, GrievanceCommand command, UUID id, Instant now)
            throws SQLException {
        if (!GrievanceStore.markProcessed(c, command.commandId())) {
            LOG.debugf("Command %s was processed before; nothing to do", command.commandId());
            return Optional.empty();
        }
        String district = command.districtCode();
        String number = GrievanceStore.nextNumber(c, district, now.atZone(DISTRICT_TIME).getYear());
        GrievanceCommand.Register r = command.register();
        if (!GrievanceStore.insertRegistered(c, id, district, number, r, now)) {
            LOG.warnf("Grievance %s already exists; command %s ignored", id, command.commandId());
            return Optional.empty();
        }
        String status = GrievanceStatus.REGISTERED.name();
        GrievanceStore.appendHistory(c, id, 1, "REGISTER", null, status, null, Role.CITIZEN.name(), null, now);
        var event = new GrievanceEvent(
                UUID.nameUUIDFromBytes((id + "/1").getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString(),
                GrievanceEvent.eventTypeOf("REGISTER"), now, district, id.toString(), number, 1, "REGISTER", null,
                status, new GrievanceEvent.Actor(null, Role.CITIZEN.name()), null, r.citizenRef(), r.language(),
                null, r.location() == null ? null : r.location().block(), null, 1, null);
        OutboxWriter.append(c, OutboxRecord.event(Topics.GRIEVANCE_EVENTS, id.toString(), event.eventId(),
                event.eventType(), config.eventSource(), now, id.toString(), district, event));
        return Optional.of(event);
    }
}
