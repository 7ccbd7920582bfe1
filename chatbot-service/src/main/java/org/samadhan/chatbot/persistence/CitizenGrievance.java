package org.samadhan.chatbot.persistence;

import java.time.Instant;

/** One of the citizen's grievances as this service knows it (status SUBMITTED until its first event arrives). */
public record CitizenGrievance(String grievanceId, String citizenRef, String number, String status,
                               String departmentCode, Instant dueAt, long version, String summary,
                               Long feedbackVersion) {

    public static final String SUBMITTED = "SUBMITTED";

    public boolean isClosed() {
        return status.startsWith("CLOSED");
    }

    /**
     * As resolved at {@code resolution}: the citizen tapped the buttons of a resolution this service has not read yet
     * (its event is on the way), which only grievance-service's RESOLVE can have produced.
     */
    public CitizenGrievance resolvedAt(long resolution) {
        return new CitizenGrievance(grievanceId, citizenRef, number, "RESOLVED", departmentCode, dueAt, resolution,
                summary, feedbackVersion);
    }

    /**
     * The citizen said "not solved" and the reason is awaited: the answered resolution is the latest known, or one
     * whose event has not reached this service yet.
     */
    public boolean answerPending() {
        return "RESOLVED".equals(status) || feedbackVersion != null && feedbackVersion > version;
    }

    /** Resolved, and the citizen has not answered this resolution yet. */
    public boolean awaitsFeedback() {
        return "RESOLVED".equals(status) && (feedbackVersion == null || feedbackVersion < version);
    }
}
