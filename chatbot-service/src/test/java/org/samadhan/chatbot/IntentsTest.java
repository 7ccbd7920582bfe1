package org.samadhan.chatbot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.samadhan.chatbot.FilingTest.buttonIds;
import static org.samadhan.chatbot.FilingTest.only;
import static org.samadhan.chatbot.FilingTest.rowIds;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.samadhan.contracts.grievance.GrievanceCommand;
import org.samadhan.contracts.whatsapp.MessagingPreference;
import org.samadhan.contracts.whatsapp.OutboundMessage;
import org.samadhan.testsupport.KafkaTestResource;
import org.samadhan.testsupport.PostgresTestResource;

/**
 * What the bot does with each intent, said in Hindi, Roman-script Hindi and English, through the in-JVM Kafka and
 * PostgreSQL: only a described problem starts filing; an opt-out, however phrased, is published once with its reply;
 * "not really fixed" in words offers to reopen what the workflow lets the citizen reopen.
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, parallel = true)
@WithTestResource(value = PostgresTestResource.class, parallel = true)
class IntentsTest {

    private static final Instant DUE = Instant.parse("2026-12-03T06:00:00Z");

    /** A first message, its intent and style, and how the bot's one reply begins (in the language it was written). */
    private record Said(String intent, String style, String text, String reply) {
    }

    private static final List<Said> FIRST_MESSAGES = List.of(
            new Said("GREETING", "hi", "नमस्ते भाई साहब", "नमस्ते! 🙏 यह बालोद जिले की WhatsApp शिकायत सेवा है।"),
            new Said("GREETING", "hing", "ram ram bhai ji", "नमस्ते! 🙏 यह बालोद जिले की WhatsApp शिकायत सेवा है।"),
            new Said("GREETING", "en", "hello good evening", "Namaste! 🙏 This is the Balod district grievance"),
            new Said("STATUS", "hi", "मेरी शिकायत का क्या हुआ भैया", "आपकी कोई खुली शिकायत नहीं है।"),
            new Said("STATUS", "hing", "meri complaint kahan tak pahunchi", "आपकी कोई खुली शिकायत नहीं है।"),
            new Said("STATUS", "en", "any update on my complaint", "You have no open complaints."),
            new Said("THANKS", "hi", "बहुत धन्यवाद जी", "आपका स्वागत है 🙏"),
            new Said("THANKS", "hing", "dhanyavaad bhaiya", "आपका स्वागत है 🙏"),
            new Said("THANKS", "en", "thanks a lot", "You are welcome 🙏"),
            new Said("DISSATISFIED", "hi", "शिकायत बंद कर दी पर समस्या वैसी ही है",
                    "आपकी किसी शिकायत के समाधान पर आपके जवाब का इंतज़ार नहीं है।"),
            new Said("DISSATISFIED", "hing", "kaam adhura chhod ke complaint band kar di",
                    "आपकी किसी शिकायत के समाधान पर आपके जवाब का इंतज़ार नहीं है।"),
            new Said("DISSATISFIED", "en", "you closed my complaint without fixing anything",
                    "None of your complaints is waiting for your answer"),
            new Said("HELP", "hi", "शिकायत कैसे दर्ज करें", "यह बालोद जिले का WhatsApp नंबर है"),
            new Said("HELP", "hing", "shikayat kaise karni hai batao", "यह बालोद जिले का WhatsApp नंबर है"),
            new Said("HELP", "en", "how do I file a complaint here", "This is the Balod district's WhatsApp number"),
            new Said("OUT_OF_SCOPE", "hi", "आय प्रमाण पत्र कैसे बनेगा", "यह नंबर सार्वजनिक सेवाओं"),
            new Said("OUT_OF_SCOPE", "hing", "jati praman patra banwana hai mujhe", "यह नंबर सार्वजनिक सेवाओं"),
            new Said("OUT_OF_SCOPE", "en", "I need a caste certificate for my son", "This number takes complaints"),
            new Said("GIBBERISH", "hi", "ककककक", "माफ़ कीजिए, मैं समझ नहीं पाया।"),
            // Roman letters and no word of any language: answered in English, as any Roman-script text without Hindi
            new Said("GIBBERISH", "hing", "hahaha hehe", "Sorry, I did not understand that."),
            new Said("GIBBERISH", "en", "asdfgh", "Sorry, I did not understand that."),
            new Said("ABUSE", "hi", "तुम सब बेकार और चोर हो", "हम आपकी मदद के लिए हैं।"),
            new Said("ABUSE", "hing", "bakwas service hai ye, nalayak log", "हम आपकी मदद के लिए हैं।"),
            new Said("ABUSE", "en", "you are useless idiots", "We are here to help."),
            new Said("OPT_OUT", "hi", "मुझे मैसेज मत भेजो", "अब आपको हमारी ओर से सूचनाएँ नहीं मिलेंगी।"),
            new Said("OPT_OUT", "hing", "mujhe message mat bhejo", "अब आपको हमारी ओर से सूचनाएँ नहीं मिलेंगी।"),
            new Said("OPT_OUT", "en", "don't message me again", "You will no longer receive updates from us."),
            new Said("OPT_IN", "hi", "मैसेज फिर से भेजना शुरू करो", "अब आपको अपनी शिकायतों की सूचनाएँ फिर से मिलेंगी।"),
            new Said("OPT_IN", "hing", "message phir se chalu karo", "अब आपको अपनी शिकायतों की सूचनाएँ फिर से मिलेंगी।"),
            new Said("OPT_IN", "en", "please send me updates again", "You will again receive updates"),
            new Said("COMPLAINT", "hi", "हमारे गाँव में पाँच दिन से पानी नहीं आ रहा", "समस्या कहाँ है?"),
            new Said("COMPLAINT", "hing", "hamare gaon me bijli nahi hai 3 din se", "समस्या कहाँ है?"),
            new Said("COMPLAINT", "en", "The handpump in our village is broken for a week", "Where is the problem?"));

    @Test
    void everyIntentInHindiRomanHindiAndEnglishGetsItsOwnAnswerAndOnlyAComplaintStartsFiling() {
        List<String> wrong = new ArrayList<>();
        int optOuts = 0;
        for (Said said : FIRST_MESSAGES) {
            try (Citizen citizen = new Citizen()) {
                OutboundMessage reply = only(citizen.says(said.text()));
                if (!reply.content().body().startsWith(said.reply())) {
                    wrong.add(said.intent() + " " + said.style() + " \"" + said.text() + "\": " + reply.content().body());
                }
                List<MessagingPreference> preferences = citizen.preferences();
                optOuts += preferences.size();
                boolean aPreference = said.intent().startsWith("OPT_");
                assertEquals(aPreference ? 1 : 0, preferences.size(), said.text());
                assertEquals(List.of(), citizen.commands(), "nothing is filed from a first message: " + said.text());
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals(6, optOuts, "one event per opt-out or opt-in");
        assertEquals(33, FIRST_MESSAGES.size(), "11 intents, 3 styles");
    }

    @Test
    void anOptOutHoweverPhrasedIsPublishedOnceKeyedByTheCitizenWithItsReplyAndOptInUndoesIt() {
        List<String> phrases = List.of("मैसेज बंद करो", "msg band kr do", "unsubscribe", "mola message jhan bhejo",
                "STOP");
        List<MessagingPreference> published = new ArrayList<>();
        for (String phrase : phrases) {
            try (Citizen citizen = new Citizen()) {
                citizen.says("नमस्ते");
                OutboundMessage reply = only(citizen.says(phrase));
                assertTrue(reply.content().body().startsWith("अब आपको हमारी ओर से सूचनाएँ नहीं मिलेंगी"),
                        phrase + ": " + reply.content().body());
                var message = citizen.lastMessage;
                List<MessagingPreference> preferences = citizen.preferences();
                assertEquals(1, preferences.size(), phrase);
                MessagingPreference optOut = preferences.get(0);
                assertEquals(MessagingPreference.Choice.OPT_OUT, optOut.choice());
                assertEquals(MessagingPreference.eventIdFor(message.messageId()), optOut.eventId());
                assertEquals(message.messageId(), optOut.messageId());
                assertEquals(citizen.waId, optOut.citizenId());
                assertEquals(citizen.ref(), optOut.citizenRef());
                assertEquals(message.occurredAt(), optOut.occurredAt(), "the citizen's time orders their choices");
                published.add(optOut);

                citizen.redelivers(message); // WhatsApp again: no second reply, no second event
                assertEquals(List.of(), citizen.repliesWithin(Duration.ofSeconds(2)));
                assertEquals(1, citizen.preferences().size(), phrase);

                only(citizen.says("phir se message bhejo"));
                List<MessagingPreference> after = citizen.preferences();
                assertEquals(2, after.size());
                assertEquals(MessagingPreference.Choice.OPT_IN, after.get(1).choice());
            }
        }
        assertEquals(phrases.size(), published.size());
    }

    @Test
    void anOptOutInTheMiddleOfFilingKeepsTheComplaintWaiting() {
        try (Citizen citizen = new Citizen()) {
            citizen.says("Street light near the Gurur bus stand is off for a week");
            OutboundMessage reply = only(citizen.says("stop sending me messages"));
            assertTrue(reply.content().body().startsWith("You will no longer receive updates"), reply.toString());
            assertEquals(1, citizen.preferences().size());
            OutboundMessage review = only(citizen.sharesLocation(20.73, 81.2));
            assertTrue(review.content().body().contains("Street light near the Gurur bus stand"), review.toString());
        }
    }

    @Test
    void dissatisfiedInWordsOffersToReopenOneAsksToConfirmSeveralAListANumberThatOne() throws Exception {
        try (Citizen citizen = new Citizen()) {
            String first = resolved(citizen, "The handpump near the school in Kusumkasa is broken", 1,
                    "BLD-2026-000951");
            OutboundMessage offer = only(citizen.says("I am unhappy with the resolution of my complaint"));
            assertTrue(offer.content().body().startsWith("Sorry the problem is not solved. Complaint "
                    + "*BLD-2026-000951*"), offer.content().body());
            assertEquals(List.of("feedback:no:" + first + ":3", "menu:track"), buttonIds(offer));
            OutboundMessage why = only(citizen.taps("feedback:no:" + first + ":3"));
            assertTrue(why.content().body().contains("What is still wrong?"), why.content().body());
            only(citizen.says("The pump still gives no water"));
            GrievanceCommand reopen = citizen.awaitCommand(2);
            assertEquals(GrievanceCommand.CommandType.SUBMIT_FEEDBACK, reopen.commandType());
            assertFalse(reopen.feedback().satisfied());
            assertEquals("The pump still gives no water", reopen.feedback().reason());
        }
        try (Citizen citizen = new Citizen()) {
            String road = resolved(citizen, "Sadak me bahut gaddhe hai Gurur ke paas", 1, "BLD-2026-000952");
            String light = resolved(citizen, "Gali ki street light band hai mahine bhar se", 2, "BLD-2026-000953");
            OutboundMessage list = only(citizen.says("kaam adhura chhod diya officer ne"));
            assertEquals(OutboundMessage.Type.LIST, list.content().type(), list.toString());
            assertEquals(List.of("feedback:no:" + light + ":3", "feedback:no:" + road + ":3"), rowIds(list));

            OutboundMessage named = only(citizen.says("BLD-2026-000952 ka kaam adhura chhod diya, dobara dekho"));
            assertEquals(List.of("feedback:no:" + road + ":3", "menu:track"), buttonIds(named));
            assertEquals(2, citizen.commands().size(), "nothing reopened before the citizen confirms");
        }
    }

    @Test
    void okThanksAndThumbsUpAfterSubmitAndAfterTheNumberGetAShortAcknowledgement() {
        try (Citizen citizen = new Citizen()) {
            citizen.says("हमारे मोहल्ले में नाली जाम है, गंदा पानी सड़क पर है");
            OutboundMessage review = only(citizen.sharesLocation(20.73, 81.2));
            only(citizen.taps(review.content().buttons().get(0).id()));
            String id = citizen.awaitCommand(1).grievanceId();
            List<String> acknowledged = new ArrayList<>();
            for (String word : List.of("हाँ", "ok", "धन्यवाद", "👍")) {
                acknowledged.add(only(citizen.says(word)).content().body());
            }
            citizen.grievanceEvent(id, 1, "REGISTER", "REGISTERED", "BLD-2026-000960", null, null, "hi");
            acknowledged.add(only(citizen.says("ठीक है, धन्यवाद")).content().body());
            assertEquals(5, acknowledged.size());
            acknowledged.forEach(body -> assertTrue(body.startsWith("आपका स्वागत है 🙏"), body));
            assertEquals(1, citizen.commands().size(), "no second complaint");
        }
    }

    /** Files in the citizen's words with a pin, then plays grievance-service up to RESOLVED (version 3). */
    private static String resolved(Citizen citizen, String description, int commandNumber, String number)
            throws Exception {
        citizen.says(description);
        OutboundMessage review = only(citizen.sharesLocation(20.73, 81.2));
        only(citizen.taps(review.content().buttons().get(0).id()));
        String id = citizen.awaitCommand(commandNumber).grievanceId();
        String lang = review.language();
        citizen.grievanceEvent(id, 1, "REGISTER", "REGISTERED", number, null, null, lang);
        citizen.grievanceEvent(id, 2, "ASSIGN", "ASSIGNED", number, "PHE", DUE, lang);
        citizen.grievanceEvent(id, 3, "RESOLVE", "RESOLVED", number, "PHE", DUE, lang);
        Instant deadline = Instant.now().plusSeconds(20);
        while (!resolvedShown(citizen, number)) {
            assertTrue(Instant.now().isBefore(deadline), "the resolution of " + number + " did not arrive");
            Thread.sleep(300);
        }
        return id;
    }

    private static boolean resolvedShown(Citizen citizen, String number) {
        OutboundMessage status = only(citizen.says(number));
        String body = status.content().body();
        return body.contains("waiting for your confirmation") || body.contains("पुष्टि का इंतज़ार");
    }
}
