package org.samadhan.chatbot.conversation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.samadhan.contracts.grievance.GrievanceCommand;

/**
 * The complaint a citizen is filing, kept in the conversation until submitted. Its id is derived from the message
 * that started it, so redoing that message's work yields the same draft, and the grievance id is derived from the
 * draft's, so a draft is registered at most once however often "Submit" arrives.
 */
public record Draft(String id, String description, GrievanceCommand.Location location,
                    List<GrievanceCommand.Attachment> attachments, Instant startedAt) {

    /** The schema's limit on a description. */
    static final int MAX_DESCRIPTION = 4096;

    public Draft {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    static Draft startedBy(String messageId, Instant at) {
        return new Draft(UUID.nameUUIDFromBytes(("draft:" + messageId).getBytes()).toString(), null, null, List.of(),
                at);
    }

    /** The idempotency key of this draft's registration. */
    String registerCommandId() {
        return "chatbot:register:" + id;
    }

    String grievanceId() {
        return grievanceIdOf(id);
    }

    static String grievanceIdOf(String draftId) {
        return UUID.nameUUIDFromBytes(("chatbot:register:" + draftId).getBytes()).toString();
    }

    /** Sets the description, or adds to it when there is one (a second message, a caption). */
    Draft describedAs(String text) {
        if (text == null || text.isBlank()) {
            return this;
        }
        String joined = description == null ? text.strip() : description + "\n" + text.strip();
        return new Draft(id, joined.length() <= MAX_DESCRIPTION ? joined : joined.substring(0, MAX_DESCRIPTION),
                location, attachments, startedAt);
    }

    Draft withAttachment(GrievanceCommand.Attachment attachment) {
        List<GrievanceCommand.Attachment> more = new ArrayList<>(attachments);
        if (more.stream().noneMatch(a -> a.mediaId().equals(attachment.mediaId()))) {
            more.add(attachment);
        }
        return new Draft(id, description, location, more, startedAt);
    }

    Draft at(GrievanceCommand.Location place) {
        return new Draft(id, description, place, attachments, startedAt);
    }

    boolean hasDescription() {
        return description != null;
    }

    /** A pin, or a block with its village. */
    boolean isLocated() {
        return location != null && (location.latitude() != null
                || (location.block() != null && location.village() != null));
    }

    String block() {
        return location == null ? null : location.block();
    }

    String village() {
        return location == null ? null : location.village();
    }
}
