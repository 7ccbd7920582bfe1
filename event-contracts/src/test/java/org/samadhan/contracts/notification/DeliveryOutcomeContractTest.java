package org.samadhan.contracts.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.samadhan.contracts.SchemaValidation;
import org.samadhan.contracts.Topics;

/** Delivery outcomes as notification-service publishes them validate, and an official's alert cannot name a citizen. */
class DeliveryOutcomeContractTest {

    private static final String GRIEVANCE = UUID.nameUUIDFromBytes("BLD-2026-000104".getBytes()).toString();

    @Test
    void aCitizensMessageAndEveryKindOfOfficialsAlertValidate() throws IOException {
        assertEquals(Set.of(), SchemaValidation.validate(Topics.NOTIFICATION_DELIVERIES,
                outcome("assign", "cz-7f3a9c2b41d8e605")));
        for (String kind : DeliveryOutcome.ALERT_KINDS) {
            assertEquals(Set.of(), SchemaValidation.validate(Topics.NOTIFICATION_DELIVERIES, outcome(kind, null)),
                    kind);
        }
    }

    @Test
    void anOfficialsAlertThatCarriesACitizenRefIsRefused() throws IOException {
        // The official is not the citizen: a citizenRef here would count the alert as the citizen's message.
        assertFalse(SchemaValidation.validate(Topics.NOTIFICATION_DELIVERIES,
                outcome("official-escalated", "cz-7f3a9c2b41d8e605")).isEmpty());
    }

    private static DeliveryOutcome outcome(String kind, String citizenRef) {
        return new DeliveryOutcome(UUID.randomUUID().toString(), DeliveryOutcome.EVENT_TYPE,
                Instant.parse("2026-12-01T06:00:00Z"), "BLD", "out-3f9a0c1e5b7d2a4c6e8f0a1b3c5d7e9f", kind, GRIEVANCE,
                citizenRef, "hi", "DELIVERED", null, null, true, 1);
    }
}
