package org.samadhan.contracts.grievance;

import java.time.Instant;
import java.util.List;

/**
 * A request to change a grievance: the payload of {@code grievance.commands.v1} (schema
 * {@code contracts/schemas/grievance.commands.v1.schema.json}), keyed by {@code grievanceId}. Exactly one of the
 * command bodies, matching {@code commandType}, is set. {@code commandId} is the idempotency key: the issuer derives it
 * from what caused the command (for example the citizen's confirming message id), so a redelivered or re-issued
 * command is recognised and changes nothing. For REGISTER the issuer also derives {@code grievanceId} from it.
 */
public record GrievanceCommand(
        String commandId,
        CommandType commandType,
        Instant issuedAt,
        String districtCode,
        String grievanceId,
        String issuedBy,
        Register register,
        Assign assign,
        Feedback feedback) {

    /** CloudEvents type of every command on this topic. */
    public static final String EVENT_TYPE = "org.samadhan.grievance.command.v1";

    public enum CommandType { REGISTER, ASSIGN, SUBMIT_FEEDBACK }

    /**
     * A citizen's new grievance. {@code citizenRef} is the pseudonymous id used on integrator-facing topics;
     * {@code citizenWaId} (WhatsApp id) stays on this internal topic and in the grievance store, for replies only.
     */
    public record Register(String citizenRef, String citizenWaId, String language, String description,
                           String category, Location location, List<Attachment> attachments) {
    }

    /** A WhatsApp location pin, or a block chosen from the list plus the village typed by the citizen. */
    public record Location(Double latitude, Double longitude, String block, String village) {
    }

    /** A photo, voice note or document the citizen sent, by WhatsApp media id. */
    public record Attachment(String mediaId, String mimeType, String kind) {
    }

    /**
     * Routing's decision: department (codes of reference/departments.md), the level-1 officer, and why, with the
     * department's {@code serviceLevel} (ISO-8601 duration) from the directory version routing used, which starts the
     * grievance's clock.
     */
    public record Assign(String departmentCode, String block, String officerId, Double confidence,
                         List<String> reasons, String serviceLevel) {

        /** Without a service level: grievance-service takes the department's from its copy of the directory. */
        public Assign(String departmentCode, String block, String officerId, Double confidence, List<String> reasons) {
            this(departmentCode, block, officerId, confidence, reasons, null);
        }
    }

    /** The citizen's answer to "was it fixed?", with an optional 1-5 rating and reason. */
    public record Feedback(boolean satisfied, Integer rating, String reason) {
    }
}
