package org.samadhan.contracts.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.samadhan.contracts.Json;
import org.samadhan.contracts.SchemaValidation;
import org.samadhan.contracts.Topics;

/** whatsapp.inbound.v1: a change of the citizen's id names the old id as citizenId and the new one apart. */
class InboundContractTest {

    private static final Instant AT = Instant.parse("2026-11-30T06:00:00Z");

    @Test
    void anIdentityChangeIsASystemMessageFromTheOldIdNamingTheNewOne() throws IOException {
        JsonNode system = Json.mapper().readTree("""
                {"body": "User Kavita changed from IN.13491208655302741918 to IN.24817305912873645029",
                 "user_id": "IN.24817305912873645029", "type": "user_changed_user_id"}""");
        var change = message(MessageType.SYSTEM, "IN.13491208655302741918", "IN.24817305912873645029", system, null);
        assertEquals(Set.of(), SchemaValidation.validate(Topics.WHATSAPP_INBOUND, change));

        InboundMessage read = Json.mapper().readValue(Json.mapper().writeValueAsString(change), InboundMessage.class);
        assertEquals("IN.13491208655302741918", read.citizenId());
        assertEquals("IN.24817305912873645029", read.newCitizenId());
    }

    @Test
    void onlyASystemMessageMayChangeTheCitizensId() throws IOException {
        var text = message(MessageType.TEXT, "919876543210", "919876543211", null, new InboundMessage.Text("namaste"));
        assertFalse(SchemaValidation.validate(Topics.WHATSAPP_INBOUND, text).isEmpty());
        var empty = message(MessageType.SYSTEM, "919876543210", "", Json.mapper().createObjectNode(), null);
        assertFalse(SchemaValidation.validate(Topics.WHATSAPP_INBOUND, empty).isEmpty());
    }

    @Test
    void everyOtherMessageHasNoNewIdAndNoSuchField() throws IOException {
        var text = new InboundMessage("6b1c2d9e-2f4a-3b7c-9d1e-0a2b3c4d5e6f", InboundMessage.EVENT_TYPE, AT, AT, "BLD",
                "wamid.HBgMOTE5ODc2NTQzMjEwFQIAEhgUM0VCMEM4QjJGMUE0RDVFNkY3QTgA", "919876543210", "919876543210",
                null, "Ramesh", "106540352242922", "15550783881", MessageType.TEXT, "text", null,
                new InboundMessage.Text("namaste"), null, null, null, null, null, null, null, null, null, null, null,
                null);
        assertNull(text.newCitizenId());
        assertEquals(Set.of(), SchemaValidation.validate(Topics.WHATSAPP_INBOUND, text));
        assertFalse(Json.mapper().writeValueAsString(text).contains("newCitizenId"));
    }

    private static InboundMessage message(MessageType type, String citizenId, String newCitizenId, JsonNode system,
                                          InboundMessage.Text text) {
        return new InboundMessage("6b1c2d9e-2f4a-3b7c-9d1e-0a2b3c4d5e6f", InboundMessage.EVENT_TYPE, AT, AT, "BLD",
                "wamid.HBgUSU4uMTM0OTEyMDg2NTUzMDI3NDE5MTgVAgASGBQzQTJCQjc3NzlGQ0E5RkMwQkE5NgA=", citizenId, null,
                citizenId, newCitizenId, null, "106540352242922", "15550783881", type, type.wireName(), null, text,
                null, null, null, null, null, null, null, system, null, null, null, null);
    }
}
