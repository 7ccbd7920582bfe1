package org.samadhan.chatbot.conversation;

import java.time.Instant;

/** One citizen's conversation as stored: language, step, the draft being filed, the feedback awaiting a reason. */
public final class Conversation {

    private final String waId;
    private final String citizenRef;
    private final boolean isNew;
    private final Instant lastActive;
    private String language;
    private Step step;
    private Draft draft;
    private String feedbackGrievanceId;

    public Conversation(String waId, String citizenRef, boolean isNew, Instant lastActive, String language, Step step,
                        Draft draft, String feedbackGrievanceId) {
        this.waId = waId;
        this.citizenRef = citizenRef;
        this.isNew = isNew;
        this.lastActive = lastActive;
        this.language = language;
        this.step = step;
        this.draft = draft;
        this.feedbackGrievanceId = feedbackGrievanceId;
    }

    public String waId() {
        return waId;
    }

    public String citizenRef() {
        return citizenRef;
    }

    /** True on the citizen's first message ever. */
    public boolean isNew() {
        return isNew;
    }

    /** When the citizen last wrote before this message. */
    public Instant lastActive() {
        return lastActive;
    }

    public String language() {
        return language;
    }

    public Step step() {
        return step;
    }

    public Draft draft() {
        return draft;
    }

    public String feedbackGrievanceId() {
        return feedbackGrievanceId;
    }

    void language(String language) {
        this.language = language;
    }

    void step(Step step) {
        this.step = step;
    }

    void draft(Draft draft) {
        this.draft = draft;
    }

    void feedbackGrievanceId(String grievanceId) {
        this.feedbackGrievanceId = grievanceId;
    }
}
