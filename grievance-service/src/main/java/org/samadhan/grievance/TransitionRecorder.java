package org.samadhan.grievance;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.samadhan.contracts.Topics;
import org.samadhan.contracts.grievance.GrievanceCommand;
import org.samadhan.contracts.grievance.GrievanceEvent;
import org.samadhan.grievance.persistence.GrievanceRow;
import org.samadhan.grievance.persistence.GrievanceStore;
import org.samadhan.messaging.OutboxRecord;
import org.samadhan.messaging.OutboxWriter;

/**
 * Records a transition that just happened: one history row (saying from whom to whom when the holder changed) and
 * exactly one event, on the caller's transaction.
 */
final class TransitionRecorder {

    private TransitionRecorder() {
    }

    /** A transition from {@code before} (null on REGISTER) to {@code after}. */
    static GrievanceEvent record(Connection c, GrievanceRow before, GrievanceRow after, String action,
                                 GrievanceEvent.Actor actor, String reason, Integer rating, Instant now, String source)
            throws SQLException {
        return record(c, before, after, action, actor, reason, rating, now, source, null);
    }

    /** As above; {@code complaint} is the registered complaint, told on REGISTER only. */
    static GrievanceEvent record(Connection c, GrievanceRow before, GrievanceRow after, String action,
                                 GrievanceEvent.Actor actor, String reason, Integer rating, Instant now,
                                 String source, GrievanceCommand.Register complaint)
            throws SQLException {
        String from = before == null ? null : before.status().name();
        String previousHolder = before == null || before.officerId() == null
                || Objects.equals(before.officerId(), after.officerId()) ? null : before.officerId();
        GrievanceStore.appendHistory(c, after, action, from, actor.id(), actor.role(), reason, previousHolder,
                previousHolder == null ? null : after.officerId(), now);
        // Derived from grievance and version: a transition replayed after a crash gets the same event id.
        String eventId = UUID.nameUUIDFromBytes((after.id() + "/" + after.version()).getBytes(StandardCharsets.UTF_8))
                .toString();
        var event = new GrievanceEvent(eventId, GrievanceEvent.eventTypeOf(action), now, after.districtCode(),
                after.id().toString(), after.number(), after.version(), action, from, after.status().name(), actor,
                reason, after.citizenRef(), after.language(), after.departmentCode(), after.block(), after.officerId(),
                after.level(), after.dueAt(), rating, complaint == null ? null : complaint.description(),
                complaint == null ? null : complaint.category(), previousHolder, after.disputed() ? true : null);
        OutboxWriter.append(c, OutboxRecord.event(Topics.GRIEVANCE_EVENTS, after.id().toString(), eventId,
                event.eventType(), source, now, after.id().toString(), after.districtCode(), event));
        return event;
    }
}
