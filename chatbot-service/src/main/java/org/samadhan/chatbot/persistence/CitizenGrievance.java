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

    /** Resolved, and the citizen has not answered this resolution yet. */
    public boolean awaitsFeedback() {
        return "RESOLVED".equals(status) && (feedbackVersion == null || feedbackVersion < version);
    }
}
