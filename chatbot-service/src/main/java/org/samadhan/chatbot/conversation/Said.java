package org.samadhan.chatbot.conversation;

import java.util.Locale;
import org.samadhan.contracts.grievance.GrievanceCommand;
import org.samadhan.contracts.whatsapp.InboundMessage;

/**
 * What a citizen's message says, reduced to what the conversation acts on: words, a tap on one of our buttons or list
 * rows (by id), a location, a photo / voice note / video / document (with its caption), or something the bot cannot
 * read.
 */
public record Said(Kind kind, String messageId, String text, String tapId, GrievanceCommand.Location location,
                   GrievanceCommand.Attachment attachment) {

    public enum Kind {
        TEXT, TAP, LOCATION, MEDIA,
        /** A reaction to one of our messages. */
        REACTION,
        /** The citizen deleted a message, or WhatsApp tells of a change of number: nothing to answer. */
        SILENT,
        /** Stickers, contacts, orders, edits, anything WhatsApp adds later. */
        UNSUPPORTED
    }

    public static Said of(InboundMessage message) {
        String id = message.messageId();
        return switch (message.type()) {
            case TEXT -> new Said(Kind.TEXT, id, message.text() == null ? "" : message.text().body(), null, null, null);
            case INTERACTIVE -> message.interactive() != null && message.interactive().replyId() != null
                    ? new Said(Kind.TAP, id, message.interactive().title(), message.interactive().replyId(), null, null)
                    : unsupported(id);
            // A quick-reply button of a template: its payload is the id we gave it.
            case BUTTON -> message.button() != null && message.button().payload() != null
                    ? new Said(Kind.TAP, id, message.button().text(), message.button().payload(), null, null)
                    : unsupported(id);
            case LOCATION -> new Said(Kind.LOCATION, id, null, null, new GrievanceCommand.Location(
                    message.location().latitude(), message.location().longitude(), null,
                    message.location().name()), null);
            case IMAGE, VIDEO, AUDIO, DOCUMENT -> message.media() == null ? unsupported(id)
                    : new Said(Kind.MEDIA, id, message.media().caption(), null, null, new GrievanceCommand.Attachment(
                            message.media().mediaId(), message.media().mimeType(),
                            message.type().wireName().toLowerCase(Locale.ROOT)));
            case REACTION -> new Said(Kind.REACTION, id, null, null, null, null);
            case REVOKE, SYSTEM -> new Said(Kind.SILENT, id, null, null, null, null);
            default -> unsupported(id);
        };
    }

    private static Said unsupported(String id) {
        return new Said(Kind.UNSUPPORTED, id, null, null, null, null);
    }

    /** The words of a text, or the caption of a photo / voice note; null when there are none. */
    String words() {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
