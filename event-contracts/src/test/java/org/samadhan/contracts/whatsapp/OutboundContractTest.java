package org.samadhan.contracts.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.samadhan.contracts.CitizenRefs;
import org.samadhan.contracts.Json;
import org.samadhan.contracts.SchemaValidation;
import org.samadhan.contracts.Topics;
import org.samadhan.contracts.notification.DeliveryOutcome;
import org.samadhan.contracts.whatsapp.OutboundMessage.Button;
import org.samadhan.contracts.whatsapp.OutboundMessage.Content;

/** whatsapp.outbound.v1 holds WhatsApp's limits; notification.deliveries.v1 and citizen references stay private. */
class OutboundContractTest {

    @Test
    void textButtonsAndListsWithinWhatsAppsLimitsAreValid() throws IOException {
        var list = new OutboundMessage.ListAction("शिकायतें देखें", List.of(new OutboundMessage.Section(null,
                List.of(new OutboundMessage.Row("g:BLD-2026-000123", "BLD-2026-000123", "हैंडपंप · जाँच में")))));
        for (Content content : List.of(Content.text("नमस्ते! आपकी शिकायत दर्ज हो गई है।"),
                Content.buttons("क्या आपकी समस्या हल हो गई?", List.of(new Button("fb:yes:1", "हाँ, हल हो गई"),
                        new Button("fb:no:1", "नहीं"))),
                Content.list("Your open complaints", list))) {
            assertEquals(Set.of(), SchemaValidation.validate(Topics.WHATSAPP_OUTBOUND, message(content)));
        }
    }

    @Test
    void beyondWhatsAppsLimitsIsInvalid() throws IOException {
        var four = List.of(new Button("a", "A"), new Button("b", "B"), new Button("c", "C"), new Button("d", "D"));
        var longTitle = List.of(new Button("a", "x".repeat(21)));
        var longBody = Content.buttons("x".repeat(1025), List.of(new Button("a", "A")));
        var noButtons = new Content(OutboundMessage.Type.BUTTONS, "body", null, null, null, null);
        for (Content content : List.of(Content.buttons("b", four), Content.buttons("b", longTitle), longBody,
                noButtons, Content.text("x".repeat(4097)))) {
            assertFalse(SchemaValidation.validate(Topics.WHATSAPP_OUTBOUND, message(content)).isEmpty(),
                    content.toString().substring(0, 60));
        }
    }

    @Test
    void deliveryOutcomesNameCitizensOnlyByReference() throws IOException {
        String ref = CitizenRefs.of("919876543210", "a-test-key-of-enough-length");
        var outcome = new DeliveryOutcome(UUID.randomUUID().toString(), DeliveryOutcome.EVENT_TYPE, Instant.now(),
                "BLD", "grievance:" + UUID.randomUUID() + ":3", "resolve", UUID.randomUUID().toString(), ref, "hi",
                "FAILED", 131026, "Message undeliverable", false, 1);
        assertEquals(Set.of(), SchemaValidation.validate(Topics.NOTIFICATION_DELIVERIES, outcome));
        assertFalse(Json.mapper().writeValueAsString(outcome).contains("9876543210"));
    }

    @Test
    void citizenReferencesAreStableKeyedAndIrreversibleWithoutTheKey() {
        String ref = CitizenRefs.of("919876543210", "a-test-key-of-enough-length");
        assertTrue(ref.matches("cz-[0-9a-f]{20}"), ref);
        assertEquals(ref, CitizenRefs.of("919876543210", "a-test-key-of-enough-length"));
        assertNotEquals(ref, CitizenRefs.of("919876543211", "a-test-key-of-enough-length"));
        assertNotEquals(ref, CitizenRefs.of("919876543210", "another-key-of-enough-length"));
        assertThrows(IllegalArgumentException.class, () -> CitizenRefs.of("919876543210", "short"));
    }

    private static OutboundMessage message(Content content) {
        return new OutboundMessage("reply:wamid.HBgM1:1", OutboundMessage.EVENT_TYPE, Instant.now(), "BLD",
                "919876543210", "hi", false, "wamid.HBgM1", content);
    }
}
