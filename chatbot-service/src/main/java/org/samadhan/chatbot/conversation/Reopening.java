package org.samadhan.chatbot.conversation;

import static org.samadhan.chatbot.conversation.BotTexts.button;
import static org.samadhan.chatbot.conversation.BotTexts.say;
import static org.samadhan.chatbot.conversation.BotTexts.text;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.samadhan.chatbot.persistence.CitizenGrievance;
import org.samadhan.chatbot.persistence.CitizenGrievances;
import org.samadhan.contracts.whatsapp.FeedbackButtons;
import org.samadhan.contracts.whatsapp.OutboundMessage;

/**
 * "It was not really fixed", said in words: offers to reopen what grievance-service's workflow lets the citizen
 * reopen, a resolution still awaiting their answer (REJECT_RESOLUTION from RESOLVED). One: asks to confirm; several: a
 * list; a number in their words that is theirs: that one. The offer's buttons are the "not solved" answer to that
 * resolution ({@link FeedbackButtons}), so confirming goes the way of every such answer, once. A grievance already
 * closed cannot be reopened: they are told so and asked to describe the problem again as a new complaint.
 */
final class Reopening {

    private static final int LISTED = OutboundMessage.MAX_LIST_ROWS;

    private final String citizenRef;
    private final String lang;
    private final CitizenGrievances grievances;
    private final Turn t;

    Reopening(String citizenRef, String lang, CitizenGrievances grievances, Turn t) {
        this.citizenRef = citizenRef;
        this.lang = lang;
        this.grievances = grievances;
        this.t = t;
    }

    void offer(Optional<String> number) throws SQLException {
        if (number.isPresent()) {
            Optional<CitizenGrievance> named = grievances.byNumber(citizenRef, number.get());
            if (named.isEmpty()) {
                t.reply(say(text(lang, "track.not_found", number.get())));
            } else if (named.get().awaitsFeedback()) {
                confirm(named.get());
            } else {
                t.reply(say(text(lang, named.get().isClosed() ? "reopen.closed" : "reopen.not_resolved",
                        Tracking.number(lang, named.get()))));
            }
            return;
        }
        List<CitizenGrievance> resolved = grievances.awaitingFeedbackAll(citizenRef, LISTED);
        if (resolved.isEmpty()) {
            t.reply(BotTexts.ask(text(lang, "reopen.none"), List.of(button(lang, "menu:file", "button.file"),
                    button(lang, "menu:track", "button.track"))));
        } else if (resolved.size() == 1) {
            confirm(resolved.get(0));
        } else {
            t.reply(BotTexts.list(text(lang, "reopen.pick", resolved.size()), text(lang, "button.list"),
                    resolved.stream().map(g -> BotTexts.row(FeedbackButtons.notSatisfied(g.grievanceId(),
                            g.version()), Tracking.number(lang, g), g.summary())).toList()));
        }
    }

    private void confirm(CitizenGrievance g) {
        t.reply(BotTexts.ask(text(lang, "reopen.confirm", Tracking.number(lang, g),
                        g.summary() == null ? "" : g.summary()),
                List.of(button(lang, FeedbackButtons.notSatisfied(g.grievanceId(), g.version()), "button.reopen"),
                        button(lang, "menu:track", "button.track"))));
    }
}
