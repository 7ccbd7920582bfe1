package org.samadhan.chatbot.conversation;

import static org.samadhan.chatbot.conversation.BotTexts.button;
import static org.samadhan.chatbot.conversation.BotTexts.say;
import static org.samadhan.chatbot.conversation.BotTexts.text;

import java.sql.SQLException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.samadhan.chatbot.persistence.CitizenGrievance;
import org.samadhan.chatbot.persistence.CitizenGrievances;
import org.samadhan.contracts.Departments;
import org.samadhan.contracts.whatsapp.FeedbackButtons;
import org.samadhan.contracts.whatsapp.OutboundMessage;

/**
 * "Where is my complaint?": one grievance by number or by a tap on the list, or the citizen's open grievances, from
 * the local projection. A citizen sees only their own grievances; another's number is answered as not found.
 */
final class Tracking {

    private static final ZoneId DISTRICT_TIME = ZoneId.of("Asia/Kolkata");
    private static final int LISTED = OutboundMessage.MAX_LIST_ROWS;

    private final String citizenRef;
    private final String lang;
    private final CitizenGrievances grievances;
    private final Turn t;

    Tracking(String citizenRef, String lang, CitizenGrievances grievances, Turn t) {
        this.citizenRef = citizenRef;
        this.lang = lang;
        this.grievances = grievances;
        this.t = t;
    }

    void number(String number) throws SQLException {
        Optional<CitizenGrievance> grievance = grievances.byNumber(citizenRef, number);
        if (grievance.isPresent()) {
            status(grievance.get());
        } else {
            t.reply(say(text(lang, "track.not_found", number)));
        }
    }

    void one(String grievanceId) throws SQLException {
        Optional<CitizenGrievance> grievance = grievances.find(citizenRef, grievanceId);
        if (grievance.isPresent()) {
            status(grievance.get());
        } else {
            t.reply(say(text(lang, "stale")));
        }
    }

    void open() throws SQLException {
        List<CitizenGrievance> open = grievances.open(citizenRef, LISTED);
        if (open.isEmpty()) {
            t.reply(BotTexts.ask(text(lang, "track.none"), List.of(button(lang, "menu:file", "button.file"))));
        } else if (open.size() == 1) {
            status(open.get(0));
        } else {
            t.reply(BotTexts.list(text(lang, "track.pick", open.size()), text(lang, "button.list"), open.stream()
                    .map(g -> BotTexts.row("track:" + g.grievanceId(), number(lang, g),
                            statusName(g) + (g.summary() == null ? "" : " · " + g.summary())))
                    .toList()));
        }
    }

    /** Status, department and expected date; a resolution still awaiting the citizen's answer comes with its buttons. */
    private void status(CitizenGrievance g) {
        String body = text(lang, "track.status", number(lang, g), g.summary() == null ? "" : g.summary(),
                statusName(g), g.departmentCode() == null ? text(lang, "track.department_pending")
                        : Departments.displayName(g.departmentCode(), lang),
                g.dueAt() == null || g.isClosed() ? "-" : DateTimeFormatter.ofPattern(text(lang, "date.pattern"),
                        BotTexts.locale(lang)).format(g.dueAt().atZone(DISTRICT_TIME)));
        if (g.awaitsFeedback()) {
            t.reply(BotTexts.ask(body + "\n\n" + text(lang, "track.was_it_fixed"), List.of(
                    button(lang, FeedbackButtons.satisfied(g.grievanceId(), g.version()), "button.satisfied"),
                    button(lang, FeedbackButtons.notSatisfied(g.grievanceId(), g.version()), "button.not_satisfied"))));
        } else {
            t.reply(say(body));
        }
    }

    private String statusName(CitizenGrievance g) {
        return BotTexts.textOr(lang, "status." + g.status(), g.status());
    }

    static String number(String lang, CitizenGrievance grievance) {
        return grievance.number() != null ? grievance.number() : text(lang, "number.pending");
    }
}
