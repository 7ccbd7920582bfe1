package org.samadhan.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.samadhan.contracts.Departments;
import org.samadhan.contracts.grievance.GrievanceEvent;
import org.samadhan.contracts.whatsapp.OutboundMessage;
import org.samadhan.notification.config.NotificationConfig;

/** Every grievance action, in both languages and for every department, becomes a complete message within limits. */
class CitizenMessagesTest {

    private static final List<String> TOLD = List.of("REGISTER", "ASSIGN", "ACKNOWLEDGE", "TRANSFER", "RESOLVE",
            "REJECT_RESOLUTION", "ESCALATE", "CONFIRM_RESOLVED", "EXPIRE_FEEDBACK");
    private static final List<String> INTERNAL = List.of("ADD_NOTE", "REMIND", "REASSIGN");

    private final CitizenMessages messages = new CitizenMessages(new NotificationConfig.Templates() {
        @Override
        public String update() {
            return "grievance_update";
        }

        @Override
        public String feedback() {
            return "grievance_feedback";
        }
    });

    @Test
    void everyToldActionIsCompleteInBothLanguagesForEveryDepartment() {
        for (String language : List.of("hi", "en")) {
            for (String action : TOLD) {
                for (String department : Departments.CODES) {
                    var composed = messages.compose(event(action, language, department)).orElseThrow();
                    OutboundMessage.Content content = composed.content();
                    String where = action + "/" + language + "/" + department;
                    assertTrue(content.body().contains("BLD-2026-000123"), where + ": " + content.body());
                    assertFalse(content.body().matches("(?s).*\\{\\d}.*"), where + " left a placeholder");
                    assertEquals("hi".equals(language), content.body().matches("(?s).*[\\u0900-\\u097F].*"),
                            where + " is in the citizen's language");
                    if ("ASSIGN".equals(action) || "TRANSFER".equals(action)) {
                        assertFalse(content.body().contains(department), where + " names the department, not its code");
                    }
                    if ("RESOLVE".equals(action)) {
                        assertEquals(OutboundMessage.Type.BUTTONS, content.type());
                        assertTrue(content.body().length() <= OutboundMessage.MAX_BODY_WITH_BUTTONS);
                        assertTrue(content.buttons().stream().allMatch(
                                b -> b.title().length() <= OutboundMessage.MAX_BUTTON_TITLE), where);
                        assertEquals(2, composed.template().path("parameters").size());
                    } else {
                        assertEquals(3, composed.template().path("parameters").size(), where);
                    }
                    assertEquals(!"REGISTER".equals(action), composed.proactive(), where);
                }
            }
        }
    }

    @Test
    void internalStepsAreNotToldToTheCitizen() {
        for (String action : INTERNAL) {
            assertTrue(messages.compose(event(action, "hi", "PHE")).isEmpty(), action);
        }
    }

    private static GrievanceEvent event(String action, String language, String department) {
        return new GrievanceEvent(UUID.randomUUID().toString(), GrievanceEvent.eventTypeOf(action), Instant.now(),
                "BLD", UUID.randomUUID().toString(), "BLD-2026-000123", 3, action, "ASSIGNED", "ASSIGNED",
                new GrievanceEvent.Actor("x", "OFFICER"), "Handpump washer replaced and tested", "cz-1", language,
                department, "Gurur", "o-1", 2, Instant.parse("2026-12-03T06:00:00Z"), null, null, null);
    }
}
