package org.samadhan.notification;

import java.util.ArrayList;
import java.util.List;
import org.samadhan.contracts.whatsapp.OutboundMessage;
import org.samadhan.contracts.whatsapp.OutboundMessage.Content;
import org.samadhan.notification.whatsapp.Recipients;

/** WhatsApp's limits on a message to send, checked before it is queued, so a bad one is refused with the reason. */
public final class OutboundChecks {

    private OutboundChecks() {
    }

    /** What is wrong with the message; empty when it can be sent. */
    public static List<String> problems(OutboundMessage message) {
        List<String> problems = new ArrayList<>();
        if (message.outboundId() == null || message.outboundId().isBlank()) {
            problems.add("outboundId is required");
        }
        if (!Recipients.isValid(message.citizenWaId())) {
            problems.add("citizenWaId must be 8 to 15 digits or a WhatsApp user id (CC.<letters and digits>)");
        }
        Content content = message.content();
        if (content == null || content.type() == null || content.body() == null || content.body().isBlank()) {
            problems.add("content needs a type and a body");
            return problems;
        }
        switch (content.type()) {
            case TEXT -> check(problems, content.body().length() <= OutboundMessage.MAX_TEXT_BODY,
                    "text body over " + OutboundMessage.MAX_TEXT_BODY + " characters");
            case BUTTONS -> {
                check(problems, content.body().length() <= OutboundMessage.MAX_BODY_WITH_BUTTONS,
                        "body with buttons over " + OutboundMessage.MAX_BODY_WITH_BUTTONS + " characters");
                check(problems, content.buttons() != null && !content.buttons().isEmpty()
                        && content.buttons().size() <= OutboundMessage.MAX_BUTTONS, "1 to 3 buttons are allowed");
                if (content.buttons() != null) {
                    content.buttons().forEach(b -> check(problems, b.id() != null && !b.id().isBlank()
                            && b.title() != null && !b.title().isBlank()
                            && b.title().length() <= OutboundMessage.MAX_BUTTON_TITLE,
                            "button titles are 1 to " + OutboundMessage.MAX_BUTTON_TITLE + " characters with an id"));
                }
            }
            case LIST -> {
                int rows = content.list() == null || content.list().sections() == null ? 0
                        : content.list().sections().stream().mapToInt(s -> s.rows() == null ? 0 : s.rows().size())
                                .sum();
                check(problems, rows >= 1 && rows <= OutboundMessage.MAX_LIST_ROWS,
                        "a list has 1 to " + OutboundMessage.MAX_LIST_ROWS + " rows in total, not " + rows);
                if (rows > 0) {
                    content.list().sections().forEach(s -> s.rows().forEach(r -> check(problems,
                            r.title() != null && !r.title().isBlank()
                                    && r.title().length() <= OutboundMessage.MAX_ROW_TITLE
                                    && (r.description() == null
                                    || r.description().length() <= OutboundMessage.MAX_ROW_DESCRIPTION),
                            "row titles are 1 to " + OutboundMessage.MAX_ROW_TITLE + " characters, descriptions up to "
                                    + OutboundMessage.MAX_ROW_DESCRIPTION)));
                }
            }
        }
        return problems.stream().distinct().toList();
    }

    private static void check(List<String> problems, boolean ok, String problem) {
        if (!ok) {
            problems.add(problem);
        }
    }
}
