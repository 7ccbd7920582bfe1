package org.samadhan.notification.messaging;

import io.agroal.api.AgroalDataSource;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.samadhan.contracts.CitizenRefs;
import org.samadhan.contracts.whatsapp.InboundMessage;
import org.samadhan.messaging.ConsumedRecords;
import org.samadhan.messaging.TransactionalBatch;
import org.samadhan.notification.config.NotificationConfig;
import org.samadhan.notification.persistence.OutboundStore;

/**
 * Follows citizens' messages ({@code whatsapp.inbound.v1}) for what sending needs: their WhatsApp id (news that was
 * waiting for it is queued), when each citizen last wrote (the 24-hour window) and STOP / START, WhatsApp's
 * convention for opting out of and back into proactive messages.
 */
@ApplicationScoped
public class InboundConsumer implements TransactionalBatch.RecordHandler {

    private static final Set<String> STOP = Set.of("STOP", "UNSUBSCRIBE", "रोकें");
    private static final Set<String> START = Set.of("START", "SUBSCRIBE", "शुरू");

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
        if (citizen == null) {
            throw new IllegalArgumentException("inbound message without a citizen id");
        }
        String citizenRef = CitizenRefs.of(citizen, refKey);
        OutboundStore.touchCitizen(c, citizen, citizenRef, message.occurredAt());
        Instant now = Instant.now();
        OutboundStore.releaseAwaiting(c, citizen, citizenRef, now.minus(newsMaxAge), now);
        String text = message.text() == null || message.text().body() == null ? ""
                : message.text().body().strip().toUpperCase(Locale.ROOT);
        if (STOP.contains(text)) {
            OutboundStore.setOptedOut(c, citizen, true);
        } else if (START.contains(text)) {
            OutboundStore.setOptedOut(c, citizen, false);
        }
    }
}
