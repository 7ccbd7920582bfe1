package org.samadhan.notification.messaging;

import io.agroal.api.AgroalDataSource;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.samadhan.contracts.CitizenRefs;
import org.samadhan.contracts.whatsapp.MessagingPreference;
import org.samadhan.messaging.ConsumedRecords;
import org.samadhan.messaging.TransactionalBatch;
import org.samadhan.notification.config.NotificationConfig;
import org.samadhan.notification.persistence.CitizenStore;
import org.samadhan.notification.whatsapp.Recipients;

/**
 * Applies citizens' opt-outs and opt-ins ({@code whatsapp.preferences.v1}) as chatbot-service understood them from
 * their words; this service no longer reads STOP / START itself, so the choice is decided in one place. Each event
 * once (by its id); the choice written latest by the citizen wins whatever the order of arrival; a choice made under
 * an id the citizen has since changed applies to the id they have now. Unreadable or incomplete events are
 * dead-lettered with the reason.
 */
@ApplicationScoped
public class PreferenceConsumer implements TransactionalBatch.RecordHandler {

    private final AgroalDataSource dataSource;
    private final String refKey;

    public PreferenceConsumer(AgroalDataSource dataSource, NotificationConfig config) {
        this.dataSource = dataSource;
        this.refKey = config.citizenRefKey();
    }

    @Incoming("preferences")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) throws InterruptedException {
        TransactionalBatch.process(dataSource, records, this);
    }

    @Override
    public void handle(Connection c, ConsumerRecord<String, String> record) throws SQLException {
        MessagingPreference preference = ConsumedRecords.read(record, MessagingPreference.class);
        if (preference.eventId() == null || preference.eventId().isBlank()) {
            throw new IllegalArgumentException("preference without an event id");
        }
        if (preference.choice() == null || preference.occurredAt() == null) {
            throw new IllegalArgumentException("preference without a choice or the time it was made");
        }
        if (preference.citizenId() == null || !Recipients.isValid(preference.citizenId())) {
            throw new IllegalArgumentException("preference whose citizenId is neither a phone number nor a user id");
        }
        // Event ids are UUIDs and inbound message ids wamid.…, so both can share the table of handled ids.
        if (!CitizenStore.firstSight(c, "preference:" + preference.eventId(), java.time.Instant.now())) {
            return; // a redelivery: applied already
        }
        String current = CitizenStore.currentId(c, preference.citizenId());
        CitizenStore.choose(c, current, CitizenRefs.of(current, refKey), preference.optedOut(),
                preference.occurredAt());
    }
}
