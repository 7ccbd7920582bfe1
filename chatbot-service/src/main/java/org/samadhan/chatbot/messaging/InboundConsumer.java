package org.samadhan.chatbot.messaging;

import io.agroal.api.AgroalDataSource;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.samadhan.chatbot.config.ChatbotConfig;
import org.samadhan.chatbot.conversation.Conversation;
import org.samadhan.chatbot.conversation.Dialogue;
import org.samadhan.chatbot.conversation.Said;
import org.samadhan.chatbot.conversation.Turn;
import org.samadhan.chatbot.persistence.CitizenGrievances;
import org.samadhan.chatbot.persistence.CitizenIdentities;
import org.samadhan.chatbot.persistence.ConversationStore;
import org.samadhan.chatbot.understanding.Understanding;
import org.samadhan.contracts.CitizenRefs;
import org.samadhan.contracts.whatsapp.InboundMessage;
import org.samadhan.messaging.ConsumedRecords;
import org.samadhan.messaging.OutboxRelayJob;
import org.samadhan.messaging.TransactionalBatch;

/**
 * Citizens' messages ({@code whatsapp.inbound.v1}, keyed by citizen, so each citizen's messages come in order): each
 * message id is handled once; the conversation's new state, its replies and its commands commit together. The
 * replies are relayed as soon as the batch commits. A notice that the citizen's id changed moves them to the new id.
 */
@ApplicationScoped
public class InboundConsumer implements TransactionalBatch.RecordHandler {

    private final AgroalDataSource dataSource;
    private final Dialogue dialogue;
    private final TurnOutbox outbox;
    private final OutboxRelayJob relay;
    private final ChatbotConfig config;

    public InboundConsumer(AgroalDataSource dataSource, Dialogue dialogue, TurnOutbox outbox, OutboxRelayJob relay,
                           ChatbotConfig config) {
        this.dataSource = dataSource;
        this.dialogue = dialogue;
        this.outbox = outbox;
        this.relay = relay;
        this.config = config;
    }

    @Incoming("inbound")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) throws InterruptedException {
        TransactionalBatch.process(dataSource, records, this);
        relay.wake();
    }

    @Override
    public void handle(Connection c, ConsumerRecord<String, String> record) throws SQLException {
        InboundMessage message = ConsumedRecords.read(record, InboundMessage.class);
        if (message.citizenId() == null || message.messageId() == null || message.type() == null) {
            throw new IllegalArgumentException("inbound message without citizen, id or type");
        }
        if (!ConversationStore.firstTime(c, message.messageId())) {
            return; // a redelivery: already answered
        }
        Instant now = Instant.now();
        if (message.newCitizenId() != null) {
            // WhatsApp's notice that the citizen's id changed, keyed by the old id: nothing to answer, everything to move.
            CitizenIdentities.move(c, message.citizenId(), CitizenRefs.of(message.citizenId(), config.citizenRefKey()),
                    message.newCitizenId(), CitizenRefs.of(message.newCitizenId(), config.citizenRefKey()), now);
            return;
        }
        Said said = Said.of(message);
        String firstLanguage = said.kind() == Said.Kind.TEXT ? Understanding.language(said.text())
                : config.defaultLanguage();
        String district = message.districtCode() != null ? message.districtCode() : config.districtCode();
        Conversation conversation = ConversationStore.lockOrStart(c, message.citizenId(),
                CitizenRefs.of(message.citizenId(), config.citizenRefKey()), firstLanguage, now);
        Turn turn = dialogue.respond(conversation, said, district, now, new CitizenGrievances(c));
        ConversationStore.save(c, conversation, now);
        Instant saidAt = message.occurredAt() != null ? message.occurredAt()
                : message.receivedAt() != null ? message.receivedAt() : now;
        outbox.write(c, conversation, turn, message.messageId(), saidAt, district, now);
    }
}
