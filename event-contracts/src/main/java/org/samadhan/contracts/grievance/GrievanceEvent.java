package org.samadhan.contracts.grievance;

import java.time.Instant;

/**
 * One transition of one grievance: the payload of {@code grievance.events.v1} (schema
 * {@code contracts/schemas/grievance.events.v1.schema.json}), keyed by {@code grievanceId}, for services and
 * integrators. {@code version} counts the grievance's events from 1 without gaps, so a consumer can order them and
 * deduplicate (on {@code eventId}, or on grievanceId + version). It names citizens only by {@code citizenRef}.
 * {@code reason} carries the officer's note (RESOLVE: the action taken), the transfer reason or the citizen's reason;
 * {@code rating} (1-5) only the citizen's optional rating on CONFIRM_RESOLVED. REGISTER also carries the complaint
 * itself ({@code description}, and the {@code category} the citizen chose, if any), as Open311 publishes a service
 * request's description, so routing and integrators need not ask for it. {@code officerId} is who holds the grievance
 * after the event; when the event moved it to someone else (ESCALATE, REJECT_RESOLUTION, TRANSFER, REASSIGN),
 * {@code previousOfficerId} names who held it before. {@code disputed} marks a grievance whose citizen rejected even
 * the collector's resolution.
 */
public record GrievanceEvent(
        String eventId,
        String eventType,
        Instant occurredAt,
        String districtCode,
        String grievanceId,
        String grievanceNumber,
        long version,
        String action,
        String fromStatus,
        String toStatus,
        Actor actor,
        String reason,
        String citizenRef,
        String language,
        String departmentCode,
        String block,
        String officerId,
        Integer level,
        Instant dueAt,
        Integer rating,
        String description,
        String category,
        String previousOfficerId,
        Boolean disputed) {

    /** An event that names no previous holder (test data and events of earlier releases). */
    public GrievanceEvent(String eventId, String eventType, Instant occurredAt, String districtCode,
                          String grievanceId, String grievanceNumber, long version, String action, String fromStatus,
                          String toStatus, Actor actor, String reason, String citizenRef, String language,
                          String departmentCode, String block, String officerId, Integer level, Instant dueAt,
                          Integer rating, String description, String category) {
        this(eventId, eventType, occurredAt, districtCode, grievanceId, grievanceNumber, version, action, fromStatus,
                toStatus, actor, reason, citizenRef, language, departmentCode, block, officerId, level, dueAt, rating,
                description, category, null, null);
    }

    /** CloudEvents type prefix; the full type is {@code org.samadhan.grievance.<action in lower case>.v1}. */
    public static String eventTypeOf(String action) {
        return "org.samadhan.grievance." + action.toLowerCase(java.util.Locale.ROOT) + ".v1";
    }

    /** Who took the action: an officer's id and role, the citizen, or the system. */
    public record Actor(String id, String role) {
    }
}
