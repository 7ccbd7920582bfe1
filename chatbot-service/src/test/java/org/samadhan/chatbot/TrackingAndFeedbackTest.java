package org.samadhan.chatbot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.samadhan.chatbot.FilingTest.buttonIds;
import static org.samadhan.chatbot.FilingTest.only;
import static org.samadhan.chatbot.FilingTest.rowIds;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.samadhan.contracts.grievance.GrievanceCommand;
import org.samadhan.contracts.whatsapp.OutboundMessage;
import org.samadhan.testsupport.KafkaTestResource;
import org.samadhan.testsupport.PostgresTestResource;

/**
 * Tracking and the citizen's verdict on a resolution, with this test playing grievance-service on Kafka: it reads the
 * REGISTER command and publishes what happens to the grievance on grievance.events.v1.
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, parallel = true)
@WithTestResource(value = PostgresTestResource.class, parallel = true)
class TrackingAndFeedbackTest {

    private static final Instant DUE = Instant.parse("2026-12-03T06:00:00Z");

    @Test
    void statusByWordNumberOrListShowsTheCitizensOwnGrievancesOnly() throws Exception {
        try (Citizen citizen = new Citizen(); Citizen neighbour = new Citizen()) {
            assertTrue(only(citizen.says("status")).content().body().startsWith("You have no open complaints"));

            String first = file(citizen, "No drinking water from the tap connection for a week", 1);
            citizen.grievanceEvent(first, 1, "REGISTER", "REGISTERED", "BLD-2026-000777", null, null, "en");
            citizen.grievanceEvent(first, 2, "ASSIGN", "ASSIGNED", "BLD-2026-000777", "PHE", DUE, "en");
            awaitStatus(citizen, "my complaints", "Status: with the department");
            OutboundMessage one = only(citizen.says("my complaints"));
            assertEquals("""
                    Complaint *BLD-2026-000777*
                    No drinking water from the tap connection for a week

                    Status: with the department
                    Department: Public Health Engineering Department (drinking water)
                    Expected by: 3 December 2026""", one.content().body());
            // By number, however it is typed, with words around it.
            assertEquals(one.content().body(), only(citizen.says("BLD 2026 777 kya hua?")).content().body());

            String second = file(citizen, "Pension not received for three months by my mother", 2);
            OutboundMessage list = awaitList(citizen);
            assertEquals(List.of("track:" + second, "track:" + first), rowIds(list), "most recent first");
            assertEquals("(number coming shortly)", list.content().list().sections().get(0).rows().get(0).title());
            assertTrue(only(citizen.taps("track:" + first)).content().body().contains("BLD-2026-000777"));

            // Another citizen's number is not theirs to see.
            OutboundMessage notTheirs = only(neighbour.says("BLD-2026-000777"));
            assertEquals("No complaint BLD-2026-000777 was found among your complaints. Please check the number.",
                    notTheirs.content().body());
            assertFalse(notTheirs.content().body().contains("Public Health"));
        }
    }

    @Test
    void satisfiedByTapClosesOnceAndAnOldTapIsAnsweredPolitely() throws Exception {
        try (Citizen citizen = new Citizen()) {
            String id = resolved(citizen, "हैंडपंप खराब है, पानी नहीं आ रहा, जल्दी ठीक करें", 1);
            OutboundMessage asked = awaitStatus(citizen, "स्थिति", "पुष्टि का इंतज़ार");
            assertEquals(List.of("feedback:yes:" + id + ":3", "feedback:no:" + id + ":3"), buttonIds(asked),
                    "the buttons name the resolution they ask about (version 3)");

            OutboundMessage thanks = only(citizen.taps("feedback:yes:" + id));
            assertEquals("पुष्टि के लिए धन्यवाद। शिकायत *BLD-2026-000901* हल मानकर बंद की जाएगी।",
                    thanks.content().body());
            GrievanceCommand feedback = citizen.awaitCommand(2);
            assertEquals(GrievanceCommand.CommandType.SUBMIT_FEEDBACK, feedback.commandType());
            assertEquals(id, feedback.grievanceId());
            assertTrue(feedback.feedback().satisfied());

            assertTrue(only(citizen.taps("feedback:no:" + id)).content().body().contains("पहले ही दर्ज है"));
            assertEquals(2, citizen.commands().size(), "the second tap issued nothing");
            Transcripts.write("feedback-hindi", citizen);
        }
    }

    @Test
    void aTapThatOvertakesTheResolutionOnItsWayToTheBotAnswersThatResolutionOnce() throws Exception {
        try (Citizen citizen = new Citizen()) {
            String id = assigned(citizen, "Handpump near the school in Gurur gives no water since Monday");
            // WhatsApp shows the resolution (version 3) with its buttons before its event has reached the bot.
            OutboundMessage thanks = only(citizen.taps("feedback:yes:" + id + ":3"));
            assertEquals("Thank you for confirming. Complaint *BLD-2026-000901* will be closed as resolved.",
                    thanks.content().body(), "not \"already recorded\": nobody had answered it");
            GrievanceCommand feedback = citizen.awaitCommand(2);
            assertEquals("chatbot:feedback:" + id + ":3", feedback.commandId(), "the answer to resolution 3");
            assertTrue(feedback.feedback().satisfied());

            citizen.grievanceEvent(id, 3, "RESOLVE", "RESOLVED", "BLD-2026-000901", "PHE", DUE, "en");
            assertTrue(only(citizen.taps("feedback:no:" + id + ":3")).content().body().contains("already recorded"));
            OutboundMessage status = awaitStatus(citizen, "status", "waiting for your confirmation");
            assertTrue(status.content().buttons() == null || status.content().buttons().isEmpty(),
                    "answered: not asked again");
            assertEquals(2, citizen.commands().size(), "one answer");
        }
        try (Citizen citizen = new Citizen()) {
            String id = assigned(citizen, "Handpump near the school in Dondi gives no water since Monday");
            assertTrue(only(citizen.taps("feedback:no:" + id + ":3")).content().body()
                    .contains("What is still wrong?"));
            assertTrue(only(citizen.says("Still no water, only air comes out")).content().body()
                    .contains("reopened"));
            GrievanceCommand feedback = citizen.awaitCommand(2);
            assertEquals("chatbot:feedback:" + id + ":3", feedback.commandId());
            assertFalse(feedback.feedback().satisfied());
            assertEquals("Still no water, only air comes out", feedback.feedback().reason());
        }
    }

    @Test
    void notSatisfiedCarriesTheReasonGivenNextOrIsSentWithoutItWhenNoneComes() throws Exception {
        try (Citizen citizen = new Citizen()) {
            String id = resolved(citizen, "Street light of ward 4 Balod is off for ten days", 1);
            OutboundMessage ask = only(citizen.taps("feedback:no:" + id));
            assertTrue(ask.content().body().contains("What is still wrong?"));
            assertEquals(List.of("reason:skip:" + id), buttonIds(ask));
            assertTrue(only(citizen.says("The light works for one hour and goes off again"))
                    .content().body().contains("reopened"));
            GrievanceCommand.Feedback feedback = citizen.awaitCommand(2).feedback();
            assertFalse(feedback.satisfied());
            assertEquals("The light works for one hour and goes off again", feedback.reason());
        }
        try (Citizen citizen = new Citizen()) {
            String id = resolved(citizen, "Street light of ward 9 Balod is off for ten days", 1);
            only(citizen.taps("feedback:no:" + id));
            // No reason comes: after the wait (3 s in tests) the answer goes without one; no message is sent for it.
            GrievanceCommand.Feedback feedback = citizen.awaitCommand(2).feedback();
            assertFalse(feedback.satisfied());
            assertNull(feedback.reason());
            assertEquals(List.of(), citizen.repliesWithin(Duration.ofSeconds(1)));
        }
    }

    @Test
    void freeWordsAnswerAPendingResolutionInEitherLanguage() throws Exception {
        try (Citizen citizen = new Citizen()) {
            resolved(citizen, "Gali me naali jam hai, paani bhar gaya hai", 1);
            OutboundMessage thanks = only(citizen.says("ho gaya, dhanyavaad"));
            assertTrue(thanks.content().body().startsWith("पुष्टि के लिए धन्यवाद"), thanks.content().body());
            assertTrue(citizen.awaitCommand(2).feedback().satisfied());
        }
        try (Citizen citizen = new Citizen()) {
            resolved(citizen, "हमारे गांव में बिजली का खंभा टूटा पड़ा है", 1);
            OutboundMessage sorry = only(citizen.says("काम नहीं हुआ, खंभा अभी भी वैसे ही पड़ा है"));
            assertTrue(sorry.content().body().contains("फिर से खोलकर"), sorry.content().body());
            GrievanceCommand.Feedback feedback = citizen.awaitCommand(2).feedback();
            assertFalse(feedback.satisfied());
            assertEquals("काम नहीं हुआ, खंभा अभी भी वैसे ही पड़ा है", feedback.reason());
        }
    }

    @Test
    void moreThanTheDailyLimitOfNewComplaintsIsRefusedPolitely() throws Exception {
        try (Citizen citizen = new Citizen()) {
            for (int i = 1; i <= 3; i++) {
                file(citizen, "Complaint number " + i + " about the road near the market", i);
            }
            citizen.says("Complaint number 4 about the road near the market");
            OutboundMessage review = only(citizen.sharesLocation(20.7, 81.2));
            OutboundMessage refused = only(citizen.taps(review.content().buttons().get(0).id()));
            assertTrue(refused.content().body().startsWith("You have already filed 3 complaints today"),
                    refused.content().body());
            assertEquals(3, citizen.commands().size(), "no fourth registration");
            String metrics = io.restassured.RestAssured.get("/q/metrics").asString();
            assertTrue(metrics.contains("chatbot_grievances_refused_total{limit=\"day\"}"), "counted");
            assertFalse(metrics.contains(citizen.waId), "no phone number in metrics");
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** Files a complaint in English words with a pin; returns its grievance id. */
    static String file(Citizen citizen, String description, int commandNumber) {
        citizen.says(description);
        OutboundMessage review = only(citizen.sharesLocation(20.73, 81.2));
        only(citizen.taps(review.content().buttons().get(0).id()));
        return citizen.awaitCommand(commandNumber).grievanceId();
    }

    /** Filed in English, registered and assigned to PHE as the bot has read (version 2). */
    private static String assigned(Citizen citizen, String description) throws Exception {
        String id = file(citizen, description, 1);
        citizen.grievanceEvent(id, 1, "REGISTER", "REGISTERED", "BLD-2026-000901", null, null, "en");
        citizen.grievanceEvent(id, 2, "ASSIGN", "ASSIGNED", "BLD-2026-000901", "PHE", DUE, "en");
        awaitStatus(citizen, "status", "Public Health");
        return id;
    }

    /** Files, then plays grievance-service up to RESOLVED (number BLD-2026-000901). */
    private static String resolved(Citizen citizen, String description, int commandNumber) throws Exception {
        String id = file(citizen, description, commandNumber);
        String lang = only(citizen.says("menu")).language();
        citizen.grievanceEvent(id, 1, "REGISTER", "REGISTERED", "BLD-2026-000901", null, null, lang);
        citizen.grievanceEvent(id, 2, "ASSIGN", "ASSIGNED", "BLD-2026-000901", "PHE", DUE, lang);
        citizen.grievanceEvent(id, 3, "RESOLVE", "RESOLVED", "BLD-2026-000901", "PHE", DUE, lang);
        awaitStatus(citizen, "status", lang.equals("hi") ? "पुष्टि का इंतज़ार" : "waiting for your confirmation");
        return id;
    }

    /** Asks until the projection shows what grievance-service published (it arrives asynchronously). */
    private static OutboundMessage awaitStatus(Citizen citizen, String ask, String expected) throws Exception {
        Instant deadline = Instant.now().plusSeconds(20);
        while (true) {
            OutboundMessage reply = only(citizen.says(ask));
            if (reply.content().body().contains(expected) || Instant.now().isAfter(deadline)) {
                assertTrue(reply.content().body().contains(expected), reply.content().body());
                return reply;
            }
            Thread.sleep(300);
        }
    }

    private static OutboundMessage awaitList(Citizen citizen) {
        OutboundMessage list = only(citizen.says("my complaints"));
        assertEquals(OutboundMessage.Type.LIST, list.content().type());
        return list;
    }
}
