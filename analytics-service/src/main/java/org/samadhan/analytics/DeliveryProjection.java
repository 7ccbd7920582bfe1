package org.samadhan.analytics;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.samadhan.contracts.notification.DeliveryOutcome;

/** Keeps every state a message reached once (by event id), without the citizen's reference, for delivery health. */
@ApplicationScoped
public class DeliveryProjection {

    /** Whom the message was for: an official's alert or a citizen's message. */
    public static String audience(DeliveryOutcome d) {
        return d.kind() != null && d.kind().startsWith("official-") ? "official" : "citizen";
    }

    /** The state in lower case (sent, delivered, read, failed, dead), as figures and metrics name it. */
    public static String state(DeliveryOutcome d) {
        return d.state().toLowerCase(java.util.Locale.ROOT);
    }

    /** Stores the outcomes not seen before on the caller's transaction; returns those. */
    public List<DeliveryOutcome> project(Connection c, List<DeliveryOutcome> outcomes) throws SQLException {
        List<DeliveryOutcome> fresh = new ArrayList<>();
        try (PreparedStatement insert = c.prepareStatement("""
                insert into delivery_event (event_id, outbound_id, district_code, occurred_at, audience, kind,
                    grievance_id, state, error_code, template)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")) {
            for (DeliveryOutcome d : outcomes) {
                requireComplete(d);
                insert.setObject(1, UUID.fromString(d.eventId()));
                insert.setString(2, d.outboundId());
                insert.setString(3, d.districtCode());
                insert.setTimestamp(4, Timestamp.from(d.occurredAt()));
                insert.setString(5, audience(d));
                insert.setString(6, d.kind());
                insert.setObject(7, d.grievanceId() == null ? null : UUID.fromString(d.grievanceId()));
                insert.setString(8, state(d));
                insert.setObject(9, d.errorCode());
                insert.setBoolean(10, d.template());
                if (insert.executeUpdate() == 1) {
                    fresh.add(d);
                }
            }
        }
        return fresh;
    }

    private static void requireComplete(DeliveryOutcome d) {
        if (d.eventId() == null || d.outboundId() == null || d.districtCode() == null || d.occurredAt() == null
                || d.state() == null || d.kind() == null) {
            throw new IllegalArgumentException(
                    "delivery outcome lacks eventId, outboundId, districtCode, occurredAt, kind or state");
        }
        try {
            UUID.fromString(d.eventId());
            if (d.grievanceId() != null) {
                UUID.fromString(d.grievanceId());
            }
        } catch (IllegalArgumentException bad) {
            throw new IllegalArgumentException("delivery outcome's eventId and grievanceId must be UUIDs");
        }
    }
}
