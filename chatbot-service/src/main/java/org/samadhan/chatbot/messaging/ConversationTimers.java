package org.samadhan.chatbot.messaging;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Instant;
import org.jboss.logging.Logger;
import org.samadhan.chatbot.config.ChatbotConfig;
import org.samadhan.chatbot.conversation.Conversation;
import org.samadhan.chatbot.conversation.Dialogue;
import org.samadhan.chatbot.conversation.Turn;
import org.samadhan.chatbot.persistence.CitizenGrievances;
import org.samadhan.chatbot.persistence.ConversationStore;
import org.samadhan.contracts.CitizenRefs;
import org.samadhan.messaging.Transactions;

/**
 * What happens when citizens say nothing: a "not satisfied" whose reason never came is sent without it (so the
 * grievance is reopened, not left to expire as unverified), and handled message ids are forgotten once WhatsApp can no
 * longer redeliver them. Several instances share the work through row locks (SKIP LOCKED).
 */
@ApplicationScoped
public class ConversationTimers {

    private static final Logger LOG = Logger.getLogger(ConversationTimers.class);

    private final AgroalDataSource dataSource;
    private final Dialogue dialogue;
    private final TurnOutbox outbox;
    private final ChatbotConfig config;

    public ConversationTimers(AgroalDataSource dataSource, Dialogue dialogue, TurnOutbox outbox,
                              ChatbotConfig config) {
        this.dataSource = dataSource;
        this.dialogue = dialogue;
        this.outbox = outbox;
        this.config = config;
    }

    @Scheduled(every = "${chatbot.timers-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            sendFeedbackWithoutReason(Instant.now());
            Transactions.inTransaction(dataSource, c -> ConversationStore.forgetMessagesBefore(c,
                    Instant.now().minus(config.rememberMessagesFor())));
        } catch (SQLException e) {
            LOG.warnf("Conversation timers failed, retrying on the next tick: %s", e.getMessage());
        }
    }

    /** Returns how many waits ended. */
    int sendFeedbackWithoutReason(Instant now) throws SQLException {
        return Transactions.inTransaction(dataSource, c -> {
            int ended = 0;
            for (String waId : ConversationStore.lockAwaitingReasonSince(c, now.minus(config.feedbackReasonWait()),
                    100)) {
                Conversation conversation = ConversationStore.lockOrStart(c, waId,
                        CitizenRefs.of(waId, config.citizenRefKey()), config.defaultLanguage(), now);
                String grievanceId = conversation.feedbackGrievanceId();
                Turn turn = dialogue.reasonNotGiven(conversation, config.districtCode(), now, new CitizenGrievances(c));
                ConversationStore.save(c, conversation, now);
                outbox.write(c, conversation, turn, "reason-wait:" + grievanceId, config.districtCode(), now);
                ended++;
            }
            return ended;
        });
    }
}
