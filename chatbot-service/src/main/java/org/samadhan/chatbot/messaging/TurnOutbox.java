package org.samadhan.chatbot.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.samadhan.chatbot.config.ChatbotConfig;
import org.samadhan.chatbot.conversation.ChatbotMetrics;
import org.samadhan.chatbot.conversation.Conversation;
import org.samadhan.chatbot.conversation.Turn;
import org.samadhan.contracts.Topics;
import org.samadhan.contracts.grievance.GrievanceCommand;
import org.samadhan.contracts.whatsapp.MessagingPreference;
import org.samadhan.contracts.whatsapp.OutboundMessage;
import org.samadhan.messaging.OutboxRecord;
import org.samadhan.messaging.OutboxWriter;

/**
 * Writes a turn's replies (whatsapp.outbound.v1), commands (grievance.commands.v1) and the citizen's opt-out or opt-in
 * (whatsapp.preferences.v1) to the outbox, in the same transaction as the conversation's new state: all happen or
 * none. Reply ids derive from their cause
 * ({@code reply:<cause>:<n>}), command ids from what they act on, so redoing the work repeats the same ids.
 */
@ApplicationScoped
public class TurnOutbox {

    private final ChatbotConfig config;
    private final ChatbotMetrics metrics;

    public TurnOutbox(ChatbotConfig config, ChatbotMetrics metrics) {
        this.config = config;
        this.metrics = metrics;
    }

    /** Writes {@code turn}, caused by {@code cause} (an inbound message id, or a timer's name). */
    public void write(Connection c, Conversation conversation, Turn turn, String cause, String district, Instant now)
            throws SQLException {
        List<OutboundMessage.Content> replies = turn.replies();
        for (int i = 0; i < replies.size(); i++) {
            String outboundId = "reply:" + cause + ":" + (i + 1);
            var reply = new OutboundMessage(outboundId, OutboundMessage.EVENT_TYPE, now, district, conversation.waId(),
                    conversation.language(), false, null, replies.get(i));
            OutboxWriter.append(c, OutboxRecord.event(Topics.WHATSAPP_OUTBOUND, conversation.waId(), outboundId,
                    OutboundMessage.EVENT_TYPE, config.eventSource(), now, outboundId, district, reply));
        }
        metrics.replied(conversation.language(), replies.size());
        for (GrievanceCommand command : turn.commands()) {
            OutboxWriter.append(c, OutboxRecord.event(Topics.GRIEVANCE_COMMANDS, command.grievanceId(),
                    command.commandId(), GrievanceCommand.EVENT_TYPE, config.eventSource(), now,
                    command.grievanceId(), district, command));
        }
    }

    /**
     * Writes {@code turn} caused by the citizen's message {@code messageId}, written at {@code saidAt} (WhatsApp's
     * time, by which notification-service orders a citizen's choices), with the opt-out or opt-in it said.
     */
    public void write(Connection c, Conversation conversation, Turn turn, String messageId, Instant saidAt,
                      String district, Instant now) throws SQLException {
        write(c, conversation, turn, messageId, district, now);
        if (turn.preference().isPresent()) {
            String eventId = MessagingPreference.eventIdFor(messageId);
            var preference = new MessagingPreference(eventId, MessagingPreference.EVENT_TYPE, saidAt, district,
                    conversation.waId(), conversation.citizenRef(), turn.preference().get(), messageId,
                    conversation.language());
            OutboxWriter.append(c, OutboxRecord.event(Topics.WHATSAPP_PREFERENCES, conversation.waId(), eventId,
                    MessagingPreference.EVENT_TYPE, config.eventSource(), saidAt, conversation.citizenRef(), district,
                    preference));
        }
    }
}
