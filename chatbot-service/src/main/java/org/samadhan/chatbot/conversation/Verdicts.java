package org.samadhan.chatbot.conversation;

import static org.samadhan.chatbot.conversation.BotTexts.ask;
import static org.samadhan.chatbot.conversation.BotTexts.button;
import static org.samadhan.chatbot.conversation.BotTexts.say;
import static org.samadhan.chatbot.conversation.BotTexts.text;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.samadhan.chatbot.persistence.CitizenGrievance;
import org.samadhan.chatbot.understanding.Command;
import org.samadhan.chatbot.understanding.Understanding;
import org.samadhan.contracts.grievance.GrievanceCommand;
import org.samadhan.contracts.whatsapp.FeedbackButtons;

/**
 * The citizen's verdict on a resolution, by tap or in words: satisfied closes it, not satisfied asks what is still
 * wrong and reopens it (with the reason, or without it when none comes). Each answer's command id names the
 * resolution it answers, so it is recorded once however it is given.
 */
final class Verdicts {

    private static final String ISSUER = "chatbot-service";

    private final ChatbotMetrics metrics;

    Verdicts(ChatbotMetrics metrics) {
        this.metrics = metrics;
    }

    /**
     * A tap on "solved" / "not solved". The button names the resolution it asked about; when that resolution is newer
     * than what this service has read of the grievance (WhatsApp showed it before grievance.events.v1 reached us),
     * the answer is for that resolution, not "already answered". False when the grievance is not the citizen's.
     */
    boolean tap(TurnContext x, FeedbackButtons.Tap tap) throws SQLException {
        Optional<CitizenGrievance> known = x.grievances().find(x.c().citizenRef(), tap.grievanceId());
        if (known.isEmpty()) {
            return false;
        }
        CitizenGrievance grievance = known.get();
        boolean answered = grievance.feedbackVersion() != null && tap.resolution() != null
                && grievance.feedbackVersion() >= tap.resolution();
        if (tap.resolution() != null && tap.resolution() > grievance.version() && !answered) {
            grievance = grievance.resolvedAt(tap.resolution());
        }
        if (!grievance.awaitsFeedback()) {
            x.t().reply(say(text(x.lang(), "feedback.already", number(x, grievance))));
        } else if (tap.satisfied()) {
            satisfied(x, grievance);
        } else {
            askWhyNot(x, grievance);
        }
        return true;
    }

    private void satisfied(TurnContext x, CitizenGrievance grievance) throws SQLException {
        x.grievances().feedbackGiven(grievance.grievanceId(), grievance.version());
        x.t().command(feedback(x, grievance, true, null));
        metrics.feedback(true);
        x.t().reply(say(text(x.lang(), "feedback.thanks", number(x, grievance))));
    }

    private void askWhyNot(TurnContext x, CitizenGrievance grievance) throws SQLException {
        x.grievances().feedbackGiven(grievance.grievanceId(), grievance.version());
        x.c().feedbackGrievanceId(grievance.grievanceId());
        x.c().step(Step.FEEDBACK_REASON);
        x.t().reply(ask(text(x.lang(), "feedback.ask_reason", number(x, grievance)),
                List.of(button(x.lang(), "reason:skip:" + grievance.grievanceId(), "button.skip"))));
    }

    /** Sends the awaited "not satisfied" with the reason (if any), and says so when {@code tell}. */
    void sendNotSatisfied(TurnContext x, String reason, boolean tell) throws SQLException {
        Conversation c = x.c();
        Optional<CitizenGrievance> grievance = x.grievances().find(c.citizenRef(), c.feedbackGrievanceId());
        c.feedbackGrievanceId(null);
        c.step(Step.IDLE);
        if (grievance.isEmpty() || !grievance.get().answerPending()) {
            return; // closed meanwhile (the feedback window passed): nothing left to answer
        }
        x.t().command(feedback(x, grievance.get(), false, reason));
        metrics.feedback(false);
        if (tell) {
            x.t().reply(say(text(x.lang(), "feedback.noted", number(x, grievance.get()))));
        }
    }

    /**
     * The citizen's answer to the resolution they were asked about; its id names that resolution, so the answer is
     * recorded once however the citizen gives it (tap, words, or the reason wait ending).
     */
    private static GrievanceCommand feedback(TurnContext x, CitizenGrievance grievance, boolean satisfied,
                                             String reason) {
        long resolution = grievance.feedbackVersion() != null && !grievance.awaitsFeedback()
                ? grievance.feedbackVersion() : grievance.version();
        return new GrievanceCommand("chatbot:feedback:" + grievance.grievanceId() + ":" + resolution,
                GrievanceCommand.CommandType.SUBMIT_FEEDBACK, x.now(), x.district(), grievance.grievanceId(), ISSUER,
                null, null, new GrievanceCommand.Feedback(satisfied, null,
                reason == null ? null : BotTexts.shorten(reason, Draft.MAX_DESCRIPTION)));
    }

    /** Free words answering "was it fixed?": satisfied, a bare "no" (asked why), or not satisfied with the reason. */
    void inWords(TurnContext x, CitizenGrievance resolved, String words, Understanding.Reading reading)
            throws SQLException {
        if (Understanding.satisfaction(words).orElseThrow()) {
            satisfied(x, resolved);
        } else if (reading.is(Command.NO)) {
            askWhyNot(x, resolved);
        } else {
            x.grievances().feedbackGiven(resolved.grievanceId(), resolved.version());
            x.t().command(feedback(x, resolved, false, words));
            metrics.feedback(false);
            x.t().reply(say(text(x.lang(), "feedback.reopening", number(x, resolved))));
        }
    }

    static String number(TurnContext x, CitizenGrievance grievance) {
        return Tracking.number(x.lang(), grievance);
    }

    static String number(TurnContext x, String grievanceId) throws SQLException {
        return x.grievances().find(x.c().citizenRef(), grievanceId).map(g -> number(x, g))
                .orElse(text(x.lang(), "number.pending"));
    }
}
