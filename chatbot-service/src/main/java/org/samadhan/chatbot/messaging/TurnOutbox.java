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
import org.samadhan.contracts.whatsapp.OutboundMessage;
import org.samadhan.messaging.OutboxRecord;
import org.samadhan.messaging.OutboxWriter;

/**
 * Writes a turn's replies (whatsapp.outbound.v1) and commands (grievance.commands.v1) to the outbox, in the same
 * transaction as the conversation's new state: both happen or neither. Reply ids derive from their cause
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
}
