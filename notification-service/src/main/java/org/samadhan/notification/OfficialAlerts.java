package org.samadhan.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.samadhan.contracts.grievance.GrievanceEvent;

/**
 * Which officials a grievance event alerts, and with what: the new holder of an assignment, transfer or reassignment;
 * the holder before a deadline; on an escalation the new holder and the one it left; on a citizen's "not satisfied"
 * the holder whose resolution was rejected and the new holder, or, when it stays at the top and becomes disputed, the
 * holder there (the collector). A step that did not change hands tells no one it did.
 */
public final class OfficialAlerts {

    /** What an official is told; {@link #id()} is the stable part of the alert's outbound id and delivery kind. */
    public enum Kind {
        ASSIGNED("assigned"), DUE("due"), ESCALATED("escalated"), ESCALATED_AWAY("escalated-away"),
        REJECTED("rejected"), DISPUTED("disputed");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /** One alert: what, to which official (a directory id). */
    public record Alert(Kind kind, String officialId) {

        /**
         * Stable per grievance, version, official and kind, so a redelivered event queues nothing twice; it carries
         * no phone number.
         */
        public String outboundId(GrievanceEvent event) {
            return "alert:" + event.grievanceId() + ":" + event.version() + ":" + officialId + ":" + kind.id();
        }
    }

    private OfficialAlerts() {
    }

    public static List<Alert> of(GrievanceEvent event) {
        List<Alert> alerts = new ArrayList<>();
        String holder = blankToNull(event.officerId());
        String previous = blankToNull(event.previousOfficerId());
        boolean changedHands = holder != null && previous != null && !Objects.equals(holder, previous);
        switch (event.action() == null ? "" : event.action()) {
            case "ASSIGN" -> add(alerts, Kind.ASSIGNED, holder);
            case "TRANSFER", "REASSIGN" -> {
                if (changedHands) {
                    add(alerts, Kind.ASSIGNED, holder);
                }
            }
            case "REMIND" -> add(alerts, Kind.DUE, holder);
            case "ESCALATE" -> {
                if (changedHands) {
                    add(alerts, Kind.ESCALATED, holder);
                    add(alerts, Kind.ESCALATED_AWAY, previous);
                }
            }
            case "REJECT_RESOLUTION" -> {
                if (changedHands) {
                    add(alerts, Kind.REJECTED, previous);
                    add(alerts, Kind.ESCALATED, holder);
                } else if (Boolean.TRUE.equals(event.disputed())) {
                    add(alerts, Kind.DISPUTED, holder);
                }
            }
            default -> {
                // nothing an official needs to be told on WhatsApp
            }
        }
        return alerts;
    }

    private static void add(List<Alert> alerts, Kind kind, String officialId) {
        if (officialId != null) {
            alerts.add(new Alert(kind, officialId));
        }
    }

    private static String blankToNull(String id) {
        return id == null || id.isBlank() ? null : id;
    }
}
