package org.samadhan.chatbot.messaging;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import org.samadhan.chatbot.config.ChatbotConfig;
import org.samadhan.chatbot.conversation.ChatbotMetrics;
import org.samadhan.chatbot.conversation.Conversation;
import org.samadhan.chatbot.conversation.Dialogue;
import org.samadhan.chatbot.conversation.Turn;
import org.samadhan.chatbot.persistence.CitizenGrievances;
import org.samadhan.chatbot.persistence.ConversationStore;
import org.samadhan.contracts.CitizenIds;
import org.samadhan.contracts.CitizenRefs;
import org.samadhan.messaging.Transactions;

/**
 * What happens when citizens say nothing: a "not satisfied" whose reason never came is sent without it (so the
 * grievance is reopened, not left to expire as unverified), and handled message ids are forgotten once WhatsApp can no
 * longer redeliver them. Each conversation is handled in its own transaction, so one that fails (bad data, a bug) is
 * logged, counted and retried on the next tick while the others go on; several instances share the work through row
 * locks (SKIP LOCKED).
 */
@ApplicationScoped
public class ConversationTimers {

    private static final Logger LOG = Logger.getLogger(ConversationTimers.class);
    private static final int PAGE = 100;
    static final String FEEDBACK_REASON = "feedback_reason";
    static final String FORGET_MESSAGES = "forget_messages";

    private final AgroalDataSource dataSource;
    private final Dialogue dialogue;
    private final TurnOutbox outbox;
    private final ChatbotConfig config;
    private final ChatbotMetrics metrics;

    public ConversationTimers(AgroalDataSource dataSource, Dialogue dialogue, TurnOutbox outbox,
                              ChatbotConfig config, ChatbotMetrics metrics) {
        this.dataSource = dataSource;
        this.dialogue = dialogue;
        this.outbox = outbox;
        this.config = config;
        this.metrics = metrics;
    }

    @Scheduled(every = "${chatbot.timers-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        Instant now = Instant.now();
        try {
            sendFeedbackWithoutReason(now);
        } catch (SQLException | RuntimeException e) {
            failed(FEEDBACK_REASON, null, e);
        }
        try {
            Transactions.inTransaction(dataSource, c -> ConversationStore.forgetMessagesBefore(c,
                    now.minus(config.rememberMessagesFor())));
        } catch (SQLException | RuntimeException e) {
            failed(FORGET_MESSAGES, null, e);
        }
    }

    /** Returns how many waits ended; a conversation that fails is skipped until the next tick. */
    int sendFeedbackWithoutReason(Instant now) throws SQLException {
        Instant cutoff = now.minus(config.feedbackReasonWait());
        List<String> tried = new ArrayList<>(); // not asked for again this tick: failed, or taken by another instance
        int ended = 0;
        List<String> due;
        do {
            due = Transactions.inTransaction(dataSource,
                    c -> ConversationStore.awaitingReasonSince(c, cutoff, tried, PAGE));
            for (String waId : due) {
                tried.add(waId);
                try {
                    if (endWait(waId, cutoff, now)) {
                        ended++;
                    }
                } catch (SQLException | RuntimeException e) {
                    failed(FEEDBACK_REASON, waId, e);
                }
            }
        } while (due.size() == PAGE);
        return ended;
    }

    /** One conversation's wait, in its own transaction; false when another instance or a message came first. */
    private boolean endWait(String waId, Instant cutoff, Instant now) throws SQLException {
        return Transactions.inTransaction(dataSource, c -> {
            if (!ConversationStore.lockIfAwaitingReasonSince(c, waId, cutoff)) {
                return false;
            }
            Conversation conversation = ConversationStore.lockOrStart(c, waId,
                    CitizenRefs.of(waId, config.citizenRefKey()), config.defaultLanguage(), now);
            String grievanceId = conversation.feedbackGrievanceId();
            Turn turn = dialogue.reasonNotGiven(conversation, config.districtCode(), now, new CitizenGrievances(c));
            ConversationStore.save(c, conversation, now);
            outbox.write(c, conversation, turn, "reason-wait:" + grievanceId, config.districtCode(), now);
            return true;
        });
    }

    /**
     * Logs the failure by masked citizen and kind of error only: database messages quote row values (phone numbers
     * among them), and stored drafts hold what citizens wrote.
     */
    private void failed(String timer, String waId, Exception e) {
        metrics.timerFailed(timer);
        String what = e.getClass().getSimpleName() + (e instanceof SQLException sql && sql.getSQLState() != null
                ? " (SQLSTATE " + sql.getSQLState() + ")" : "");
        if (waId == null) {
            LOG.warnf("Conversation timer %s failed, retrying on the next tick: %s", timer, what);
        } else {
            LOG.warnf("Conversation timer %s failed for the conversation of %s (%s), skipped until the next tick: %s",
                    timer, CitizenIds.mask(waId), CitizenRefs.of(waId, config.citizenRefKey()), what);
        }
    }
}
