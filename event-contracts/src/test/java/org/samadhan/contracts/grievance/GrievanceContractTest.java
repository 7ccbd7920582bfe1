package org.samadhan.contracts.grievance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.samadhan.contracts.Departments;
import org.samadhan.contracts.EventSchemas;
import org.samadhan.contracts.Json;
import org.samadhan.contracts.SchemaValidation;
import org.samadhan.contracts.Topics;

/** The Java records producers will use serialise to JSON that their topic's schema accepts, and bad ones are caught. */
class GrievanceContractTest {

    private static final String GRIEVANCE = UUID.nameUUIDFromBytes("wamid.CONFIRM.1".getBytes()).toString();

    @Test
    void everyCommandTypeSerialisesToValidJson() throws IOException {
        var register = command(GrievanceCommand.CommandType.REGISTER,
                new GrievanceCommand.Register("cz-7f3a9c", "919876543210", "hi", "हैंडपंप 10 दिन से खराब है", null,
                        new GrievanceCommand.Location(20.7306, 81.2044, null, null),
                        List.of(new GrievanceCommand.Attachment("1003383421387256", "image/jpeg", "image"))),
                null, null);
        var assign = command(GrievanceCommand.CommandType.ASSIGN, null,
                new GrievanceCommand.Assign("PHE", "Gunderdehi", "phe-gunderdehi-l1", 0.93, List.of("handpump")), null);
        var feedback = command(GrievanceCommand.CommandType.SUBMIT_FEEDBACK, null, null,
                new GrievanceCommand.Feedback(false, 1, "काम नहीं हुआ"));
        for (GrievanceCommand command : List.of(register, assign, feedback)) {
            assertEquals(Set.of(), validate(Topics.GRIEVANCE_COMMANDS, command), command.commandType().name());
        }
    }

    @Test
    void aCommandWithoutItsBodyOrWithAnUnknownDepartmentIsRejected() throws IOException {
        assertFalse(validate(Topics.GRIEVANCE_COMMANDS,
                command(GrievanceCommand.CommandType.REGISTER, null, null, null)).isEmpty());
        assertFalse(validate(Topics.GRIEVANCE_COMMANDS, command(GrievanceCommand.CommandType.ASSIGN, null,
                new GrievanceCommand.Assign("WATER", null, null, null, null), null)).isEmpty());
    }

    @Test
    void eventsSerialiseToValidJsonWithoutAnyPhoneNumber() throws IOException {
        // A fixed event id: a random one holds ten decimal digits in a row about once in forty runs.
        var event = new GrievanceEvent(UUID.nameUUIDFromBytes("event-6".getBytes()).toString(),
                GrievanceEvent.eventTypeOf("REJECT_RESOLUTION"),
                Instant.parse("2026-11-30T06:00:00Z"), "BLD", GRIEVANCE, "BLD-2026-000123", 6, "REJECT_RESOLUTION",
                "RESOLVED", "REOPENED", new GrievanceEvent.Actor(null, "CITIZEN"), "काम नहीं हुआ", "cz-7f3a9c", "hi",
                "PHE", "Gunderdehi", "phe-balod-l2", 2, Instant.parse("2026-12-03T06:00:00Z"), null, null, null);
        assertEquals("org.samadhan.grievance.reject_resolution.v1", event.eventType());
        assertEquals(Set.of(), validate(Topics.GRIEVANCE_EVENTS, event));
        String json = Json.mapper().writeValueAsString(event);
        assertFalse(json.matches(".*\\d{10,}.*"), "no phone number: " + json);
    }

    @Test
    void theSchemasDepartmentCodesAreTheCanonicalList() throws IOException {
        var schema = Json.mapper().readTree(GrievanceContractTest.class.getResourceAsStream(
                EventSchemas.resourceFor(Topics.GRIEVANCE_COMMANDS).orElseThrow()));
        List<String> codes = new java.util.ArrayList<>();
        schema.findValue("departmentCode").path("enum").forEach(code -> codes.add(code.asText()));
        assertEquals(Departments.CODES, codes);
    }

    private static GrievanceCommand command(GrievanceCommand.CommandType type, GrievanceCommand.Register register,
                                            GrievanceCommand.Assign assign, GrievanceCommand.Feedback feedback) {
        return new GrievanceCommand("chatbot:wamid.CONFIRM.1", type, Instant.parse("2026-11-30T06:00:00Z"), "BLD",
                GRIEVANCE, "chatbot-service", register, assign, feedback);
    }

    private static Set<ValidationMessage> validate(String topic, Object payload) throws IOException {
        return SchemaValidation.validate(topic, payload);
    }
}
