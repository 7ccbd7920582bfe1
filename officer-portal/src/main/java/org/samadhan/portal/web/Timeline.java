package org.samadhan.portal.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.samadhan.portal.client.Directory;
import org.samadhan.portal.client.GrievanceApi;

/** A grievance's audited history as the page tells it: officials by name, the citizen and the system by role. */
@ApplicationScoped
public class Timeline {

    /** One step: who (name, role), when, from → to, the reason or note, and the handover if the holder changed. */
    public record Entry(String action, String actor, String actorRole, Instant at, String fromStatus,
                        String toStatus, String reason, String fromOfficer, String toOfficer) {

        public boolean changedStatus() {
            return fromStatus != null && toStatus != null && !fromStatus.equals(toStatus);
        }

        public boolean handedOver() {
            return toOfficer != null && !toOfficer.equals(fromOfficer);
        }

        public boolean byCitizen() {
            return "CITIZEN".equals(actorRole);
        }
    }

    private final Directory directory;

    public Timeline(Directory directory) {
        this.directory = directory;
    }

    /** Oldest first, as a history reads. */
    List<Entry> of(GrievanceApi.Grievance g) {
        if (g.history() == null) {
            return List.of();
        }
        return g.history().stream().map(h -> new Entry(h.action(),
                "OFFICER".equals(h.actorRole()) || "DEPARTMENT_HEAD".equals(h.actorRole())
                        || "COLLECTOR".equals(h.actorRole()) ? directory.officialName(h.actorId()) : null,
                h.actorRole(), h.occurredAt(), h.fromStatus(), h.toStatus(), h.reason(),
                directory.officialName(h.fromOfficer()), directory.officialName(h.toOfficer()))).toList();
    }
}
