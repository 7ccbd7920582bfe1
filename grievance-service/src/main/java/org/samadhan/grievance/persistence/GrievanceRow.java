package org.samadhan.grievance.persistence;

import java.time.Instant;
import java.util.UUID;
import org.samadhan.grievance.workflow.GrievanceStatus;

/**
 * The lifecycle state of one grievance, as locked for a transition; the {@code with...} methods describe a change,
 * which {@link GrievanceStore#update} writes.
 *
 * @param level            1 block officer, 2 department head, 3 collector / district cell
 * @param dueAt            when the current level's deadline passes
 * @param remindedForDueAt the deadline the assignee was last reminded of (one reminder per deadline)
 * @param feedbackDueAt    while RESOLVED: when the citizen's silence closes it as unverified
 * @param disputed         the citizen rejected the collector's resolution too
 */
public record GrievanceRow(UUID id, String districtCode, String number, GrievanceStatus status, long version,
                           String citizenRef, String language, String departmentCode, String block, String officerId,
                           int level, Instant dueAt, Instant remindedForDueAt, Instant feedbackDueAt,
                           String resolutionNote, String resolutionPhoto, Integer rating, boolean disputed) {

    /** A new grievance as registered. */
    public static GrievanceRow registered(UUID id, String districtCode, String number, String citizenRef,
                                          String language, String block) {
        return new GrievanceRow(id, districtCode, number, GrievanceStatus.REGISTERED, 1, citizenRef, language, null,
                block, null, 1, null, null, null, null, null, null, false);
    }

    /** The same grievance in {@code next}, one version on. */
    public GrievanceRow movedTo(GrievanceStatus next) {
        return new GrievanceRow(id, districtCode, number, next, version + 1, citizenRef, language, departmentCode,
                block, officerId, level, dueAt, remindedForDueAt, feedbackDueAt, resolutionNote, resolutionPhoto,
                rating, disputed);
    }

    /** With a department, block and officer at {@code newLevel}, due at {@code due}. */
    public GrievanceRow placedWith(String department, String newBlock, String officer, int newLevel, Instant due) {
        return new GrievanceRow(id, districtCode, number, status, version, citizenRef, language, department,
                newBlock == null ? block : newBlock, officer, newLevel, due, remindedForDueAt, feedbackDueAt,
                resolutionNote, resolutionPhoto, rating, disputed);
    }

    /** Reminded of the current deadline. */
    public GrievanceRow reminded() {
        return new GrievanceRow(id, districtCode, number, status, version, citizenRef, language, departmentCode,
                block, officerId, level, dueAt, dueAt, feedbackDueAt, resolutionNote, resolutionPhoto, rating, disputed);
    }

    /** Resolved with the officer's action-taken note (and photo), waiting for the citizen until {@code feedbackDue}. */
    public GrievanceRow resolvedWith(String note, String photo, Instant feedbackDue) {
        return new GrievanceRow(id, districtCode, number, status, version, citizenRef, language, departmentCode,
                block, officerId, level, dueAt, remindedForDueAt, feedbackDue, note, photo, rating, disputed);
    }

    /** The citizen's answer (or its absence) arrived: no feedback deadline any more. */
    public GrievanceRow answered(Integer citizenRating) {
        return new GrievanceRow(id, districtCode, number, status, version, citizenRef, language, departmentCode,
                block, officerId, level, dueAt, remindedForDueAt, null, resolutionNote, resolutionPhoto,
                citizenRating, disputed);
    }

    /** Rejected by the citizen at the top of the ladder: it stays with the collector, counted apart. */
    public GrievanceRow disputedNow() {
        return new GrievanceRow(id, districtCode, number, status, version, citizenRef, language, departmentCode,
                block, officerId, level, dueAt, remindedForDueAt, feedbackDueAt, resolutionNote, resolutionPhoto,
                rating, true);
    }
}
