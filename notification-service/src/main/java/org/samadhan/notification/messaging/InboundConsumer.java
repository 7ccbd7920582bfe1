package org.samadhan.notification.messaging;

import io.agroal.api.AgroalDataSource;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.samadhan.contracts.CitizenRefs;
import org.samadhan.contracts.whatsapp.InboundMessage;
import org.samadhan.messaging.ConsumedRecords;
import org.samadhan.messaging.TransactionalBatch;
import org.samadhan.notification.config.NotificationConfig;
import org.samadhan.notification.persistence.CitizenStore;
import org.samadhan.notification.persistence.OutboundStore;
import org.samadhan.notification.whatsapp.Recipients;

/**
 * Follows citizens' messages ({@code whatsapp.inbound.v1}) for what sending needs: their WhatsApp id (news that was
 * waiting for it is queued), when each citizen last wrote (the 24-hour window), and a change of WhatsApp id (a
 * {@code system} message with {@code newCitizenId}: {@code user_changed_user_id}, {@code user_changed_number}).
 * Each message id is handled once (WhatsApp redelivers). What the words mean, an opt-out among them, is not read
 * here: chatbot-service decides it and publishes it ({@link PreferenceConsumer}).
 */
@ApplicationScoped
public class InboundConsumer implements TransactionalBatch.RecordHandler {

    private final AgroalDataSource dataSource;
    private final String refKey;
    private final Duration newsMaxAge;

    public InboundConsumer(AgroalDataSource dataSource, NotificationConfig config) {
        this.dataSource = dataSource;
        this.refKey = config.citizenRefKey();
        this.newsMaxAge = config.newsMaxAge();
    }

    @Incoming("inbound")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) throws InterruptedException {
        TransactionalBatch.process(dataSource, records, this);
    }

    @Override
    public void handle(Connection c, ConsumerRecord<String, String> record) throws SQLException {
        InboundMessage message = ConsumedRecords.read(record, InboundMessage.class);
        String citizen = message.citizenId();
        if (citizen == null || citizen.isBlank()) {
            throw new IllegalArgumentException("inbound message without a citizen id");
        }
        if (message.messageId() == null || message.messageId().isBlank()) {
            throw new IllegalArgumentException("inbound message without a message id");
        }
        Instant now = Instant.now();
        if (!CitizenStore.firstSight(c, message.messageId(), now)) {
            return; // a redelivery: handled already
        }
        Instant at = message.occurredAt() != null ? message.occurredAt()
                : message.receivedAt() != null ? message.receivedAt() : now;
        if (message.newCitizenId() != null) { // the gateway's reading of user_changed_user_id / user_changed_number
            idChanged(c, citizen, message.newCitizenId(), at, now);
            return;
        }
        String current = CitizenStore.currentId(c, citizen); // a late message from an id the citizen changed
        String citizenRef = CitizenRefs.of(current, refKey);
        CitizenStore.touch(c, current, citizenRef, at);
        OutboundStore.releaseAwaiting(c, current, citizenRef, now.minus(newsMaxAge), now);
    }

    /**
     * The citizen's WhatsApp id changed from {@code from} (the message's citizen id) to {@code to}: news for their
     * grievances (addressed by the reference of {@code from}) and whatever is queued for {@code from} go to {@code to}.
     */
    private void idChanged(Connection c, String from, String to, Instant at, Instant now) throws SQLException {
        if (!Recipients.isValid(to)) {
            throw new IllegalArgumentException("newCitizenId is neither a phone number nor a WhatsApp user id");
        }
        String target = CitizenStore.currentId(c, to); // it may have changed again, and that been seen first
        if (target.equals(from)) {
            return;
        }
        String fromRef = CitizenRefs.of(from, refKey);
        CitizenStore.move(c, from, fromRef, target, CitizenRefs.of(target, refKey), at);
        OutboundStore.redirect(c, from, target, now);
        OutboundStore.releaseAwaiting(c, target, fromRef, now.minus(newsMaxAge), now);
    }
}
