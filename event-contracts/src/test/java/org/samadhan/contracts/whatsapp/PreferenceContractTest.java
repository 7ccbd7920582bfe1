package org.samadhan.contracts.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.samadhan.contracts.SchemaValidation;
import org.samadhan.contracts.Topics;

/** Opt-outs and opt-ins as chatbot-service publishes them validate; a choice the schema does not know is refused. */
class PreferenceContractTest {

    private static final String MESSAGE = "wamid.HBgMOTE5ODc2NTQzMjEwFQIAEhggQTNCRjE2RDVFMjc5QjhGRjdDNEU2AA==";

    @Test
    void anOptOutAndAnOptInValidateAndTheSameMessageAlwaysGivesTheSameEventId() throws IOException {
        for (MessagingPreference.Choice choice : MessagingPreference.Choice.values()) {
            assertEquals(Set.of(), SchemaValidation.validate(Topics.WHATSAPP_PREFERENCES, preference(choice)),
                    choice.name());
        }
        assertEquals(MessagingPreference.eventIdFor(MESSAGE), MessagingPreference.eventIdFor(MESSAGE));
        assertNotEquals(MessagingPreference.eventIdFor(MESSAGE), MessagingPreference.eventIdFor(MESSAGE + "x"));
    }

    @Test
    void aPreferenceWithoutItsMessageTimeOrWithAnUnknownChoiceIsRefused() throws IOException {
        var undated = new MessagingPreference(MessagingPreference.eventIdFor(MESSAGE), MessagingPreference.EVENT_TYPE,
                null, "BLD", "919876543210", "cz-7f3a9c2b41d8e605", MessagingPreference.Choice.OPT_OUT, MESSAGE, "hi");
        assertFalse(SchemaValidation.validate(Topics.WHATSAPP_PREFERENCES, undated).isEmpty());
        var node = org.samadhan.contracts.Json.mapper().valueToTree(preference(MessagingPreference.Choice.OPT_OUT));
        ((com.fasterxml.jackson.databind.node.ObjectNode) node).put("choice", "MAYBE");
        assertFalse(SchemaValidation.validate(Topics.WHATSAPP_PREFERENCES, node).isEmpty());
    }

    private static MessagingPreference preference(MessagingPreference.Choice choice) {
        return new MessagingPreference(MessagingPreference.eventIdFor(MESSAGE), MessagingPreference.EVENT_TYPE,
                Instant.parse("2026-12-01T06:00:00Z"), "BLD", "919876543210", "cz-7f3a9c2b41d8e605", choice, MESSAGE,
                "hi");
    }
}
