package org.samadhan.chatbot.conversation;

/** Where a citizen's conversation stands: what the bot asked last and expects next. */
public enum Step {
    /** Nothing asked: a greeting shows the menu, a description starts a complaint. */
    IDLE,
    /** Filing: waiting for the description (text, photo or voice note). */
    DESCRIBE,
    /** Filing: waiting for a location pin, or a block from the list (with or without the village typed). */
    LOCATE,
    /** Filing: the block is known, waiting for the village or ward. */
    VILLAGE,
    /** Filing: the summary is shown with Submit / Add photo / Cancel. */
    REVIEW,
    /** Filing: waiting for the photo the citizen offered to add. */
    PHOTO,
    /** The citizen said "not satisfied": waiting for what is still wrong (or a skip, or the wait to pass). */
    FEEDBACK_REASON;

    /** The step a "back" returns to. */
    Step previous() {
        return switch (this) {
            case IDLE, DESCRIBE, FEEDBACK_REASON -> IDLE;
            case LOCATE -> DESCRIBE;
            case VILLAGE, REVIEW -> LOCATE;
            case PHOTO -> REVIEW;
        };
    }

    /** Steps of filing, counted for drop-off. */
    boolean isFiling() {
        return this != IDLE && this != FEEDBACK_REASON;
    }
}
