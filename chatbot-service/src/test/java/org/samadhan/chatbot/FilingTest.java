package org.samadhan.chatbot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.samadhan.contracts.grievance.GrievanceCommand;
import org.samadhan.contracts.whatsapp.MessageType;
import org.samadhan.contracts.whatsapp.OutboundMessage;
import org.samadhan.testsupport.KafkaTestResource;
import org.samadhan.testsupport.PostgresTestResource;

/** Filing a complaint, whole conversations through the in-JVM Kafka and real PostgreSQL, in Hindi and English. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, parallel = true)
@WithTestResource(value = PostgresTestResource.class, parallel = true)
class FilingTest {

    @Test
    void fromNamasteToARegisteredComplaintInHindiWithBlockAndVillageInSixMessages() {
        try (Citizen citizen = new Citizen()) {
            OutboundMessage menu = only(citizen.says("नमस्ते"));
            assertTrue(menu.content().body().startsWith("नमस्ते! 🙏"), menu.content().body());
            assertEquals("hi", menu.language());
            assertEquals(List.of("menu:file", "menu:track", "lang:en"), buttonIds(menu));

            OutboundMessage askDescription = only(citizen.taps("menu:file"));
            assertTrue(askDescription.content().body().contains("समस्या एक संदेश में लिखें"));

            OutboundMessage askLocation = only(citizen.says("हमारे मोहल्ले का हैंडपंप 5 दिन से खराब है, पानी नहीं आ रहा"));
            assertEquals(OutboundMessage.Type.LIST, askLocation.content().type());
            assertEquals(List.of("block:Balod", "block:Gunderdehi", "block:Gurur", "block:Dondi", "block:Dondi Lohara"),
                    rowIds(askLocation));
            assertEquals("गुरूर", askLocation.content().list().sections().get(0).rows().get(2).title());

            OutboundMessage askVillage = only(citizen.taps("block:Gurur"));
            assertTrue(askVillage.content().body().contains("गुरूर ब्लॉक का कौन सा गाँव"), askVillage.content().body());

            OutboundMessage review = only(citizen.says("कनकोट"));
            assertTrue(review.content().body().contains("हैंडपंप 5 दिन से खराब"));
            assertTrue(review.content().body().contains("कनकोट, गुरूर"));
            assertEquals(3, review.content().buttons().size());
            String submit = review.content().buttons().get(0).id();
            assertTrue(submit.startsWith("review:submit:"));

            OutboundMessage thanks = only(citizen.taps(submit));
            assertTrue(thanks.content().body().contains("शिकायत दर्ज की जा रही है"));
            assertEquals(6, citizen.messagesSent(), "from नमस्ते to submitted");

            GrievanceCommand register = citizen.awaitCommand(1);
            assertEquals(GrievanceCommand.CommandType.REGISTER, register.commandType());
            assertEquals("hi", register.register().language());
            assertEquals(citizen.waId, register.register().citizenWaId());
            assertEquals(citizen.ref(), register.register().citizenRef());
            assertEquals("हमारे मोहल्ले का हैंडपंप 5 दिन से खराब है, पानी नहीं आ रहा", register.register().description());
            assertEquals(new GrievanceCommand.Location(null, null, "Gurur", "कनकोट"), register.register().location());
            assertEquals("BLD", register.districtCode());
            Transcripts.write("filing-hindi", citizen);
        }
    }

    @Test
    void aFirstMessageThatDescribesTheProblemPlusALocationPinIsFiledInThreeMessagesInEnglish() {
        try (Citizen citizen = new Citizen()) {
            OutboundMessage askLocation = only(citizen.says(
                    "The street light near the government school has not worked for two weeks"));
            assertEquals("en", askLocation.language());
            assertTrue(askLocation.content().body().startsWith("Where is the problem?"));

            OutboundMessage review = only(citizen.sharesLocation(20.7312, 81.2049));
            assertTrue(review.content().body().contains("📍 Shared on the map"), review.content().body());
            only(citizen.taps(review.content().buttons().get(0).id()));
            assertTrue(citizen.messagesSent() <= 4, "at most 4 messages: " + citizen.messagesSent());

            GrievanceCommand register = citizen.awaitCommand(1);
            assertEquals("en", register.register().language());
            assertEquals(20.7312, register.register().location().latitude());
            assertEquals(81.2049, register.register().location().longitude());
            assertTrue(register.register().attachments().isEmpty());
        }
    }

    @Test
    void voiceNotesAndPhotosAreAcceptedAndAttachedWithOrWithoutCaption() {
        try (Citizen citizen = new Citizen()) {
            // A voice note alone is a complaint (many citizens do not write).
            OutboundMessage askLocation = only(citizen.sendsMedia(MessageType.AUDIO, null));
            assertEquals(OutboundMessage.Type.LIST, askLocation.content().type());
            // A place typed with its block in it: no need to pick the block.
            OutboundMessage review = only(citizen.says("Kanakot, Gurur"));
            assertTrue(review.content().body().contains("📍 Kanakot, Gurur\n"), review.content().body());
            // Add a photo from the summary.
            String photo = review.content().buttons().get(1).id();
            assertTrue(photo.startsWith("review:photo:"));
            assertTrue(only(citizen.taps(photo)).content().body().contains("फोटो भेजें"));
            OutboundMessage again = only(citizen.sendsMedia(MessageType.IMAGE, "टूटा हुआ पाइप"));
            assertTrue(again.content().body().contains("📎"), again.content().body());
            only(citizen.taps(again.content().buttons().get(0).id()));

            GrievanceCommand.Register register = citizen.awaitCommand(1).register();
            assertEquals("[वॉइस नोट]\nटूटा हुआ पाइप", register.description());
            assertEquals(List.of("audio", "image"), register.attachments().stream()
                    .map(GrievanceCommand.Attachment::kind).toList());
            assertEquals(new GrievanceCommand.Location(null, null, "Gurur", "Kanakot, Gurur"),
                    register.location());
        }
        try (Citizen citizen = new Citizen()) {
            // A photo without words: the bot asks what it shows.
            OutboundMessage ask = only(citizen.sendsMedia(MessageType.IMAGE, null));
            assertTrue(ask.content().body().contains("फोटो मिल गई"), ask.content().body());
            assertEquals(OutboundMessage.Type.TEXT, ask.content().type());
            assertEquals(OutboundMessage.Type.LIST, only(citizen.says("नाली का पानी सड़क पर भर गया है")).content().type());
        }
    }

    @Test
    void aRedeliveredMessageGetsNoSecondReplyAndIssuesNoSecondCommand() {
        try (Citizen citizen = new Citizen()) {
            citizen.says("Garbage has not been collected in ward 3 of Balod for ten days");
            citizen.redelivers(citizen.lastMessage);
            OutboundMessage review = only(citizen.sharesLocation(20.73, 81.2));
            only(citizen.taps(review.content().buttons().get(0).id()));
            citizen.redelivers(citizen.lastMessage);
            citizen.redelivers(citizen.lastMessage);

            assertEquals(List.of(), citizen.repliesWithin(Duration.ofSeconds(3)), "no second replies");
            assertEquals(1, citizen.commands().size(), "one registration");
        }
    }

    @Test
    void tapsOnOldMessagesAreAnsweredSensiblyAndNeverRegisterTwice() {
        try (Citizen citizen = new Citizen()) {
            OutboundMessage list = only(citizen.says("Transformer burnt in our village, no electricity since Monday"));
            OutboundMessage review = only(citizen.taps("block:Dondi"));
            review = only(citizen.says("Kumhali"));
            String submit = review.content().buttons().get(0).id();
            only(citizen.taps(submit));
            citizen.awaitCommand(1);

            // The old Submit again: already sent, nothing issued.
            OutboundMessage already = only(citizen.taps(submit));
            assertTrue(already.content().body().startsWith("This complaint was already sent"),
                    already.content().body());
            // A block from the old list, with no complaint in progress: polite, with the menu.
            OutboundMessage stale = only(citizen.taps(list.content().list().sections().get(0).rows().get(0).id()));
            assertTrue(stale.content().body().startsWith("That button was from an earlier message."));
            assertEquals(3, stale.content().buttons().size());
            assertEquals(1, citizen.commands().size());
        }
    }

    @Test
    void menuBackCancelAndResumingAnUnfinishedComplaint() {
        try (Citizen citizen = new Citizen()) {
            citizen.says("Ration dukan wala 2 mahine se chawal nahi de raha");
            // Menu in the middle keeps the draft; the first button now continues it.
            OutboundMessage menu = only(citizen.says("menu"));
            assertEquals("hi", menu.language(), "Roman-script Hindi was recognised as Hindi");
            String resume = menu.content().buttons().get(0).id();
            assertTrue(resume.startsWith("draft:resume:"));
            // A greeting offers to continue it.
            OutboundMessage offer = only(citizen.says("namaste"));
            assertTrue(offer.content().body().contains("चावल") || offer.content().body().contains("chawal"));
            assertEquals(OutboundMessage.Type.LIST, only(citizen.taps(resume)).content().type());
            OutboundMessage review = only(citizen.taps("block:Balod"));
            review = only(citizen.says("Jhalmala"));
            // Back from the summary: choose the place again.
            assertEquals(OutboundMessage.Type.LIST, only(citizen.says("back")).content().type());
            // Cancel drops the draft.
            OutboundMessage cancelled = only(citizen.says("cancel"));
            assertTrue(cancelled.content().body().startsWith("रद्द कर दिया गया"));
            assertEquals("menu:file", cancelled.content().buttons().get(0).id());
            assertTrue(only(citizen.taps(review.content().buttons().get(0).id())).content().body()
                    .startsWith("वह बटन पुराने संदेश का था"));
            assertEquals(0, citizen.commands().size(), "nothing was registered");
        }
    }

    @Test
    void languageIsPickedFromTheFirstMessageSwitchedOnRequestAndRemembered() {
        try (Citizen citizen = new Citizen()) {
            assertEquals("en", only(citizen.says("hello")).language());
            OutboundMessage hindi = only(citizen.taps("lang:hi"));
            assertEquals("hi", hindi.language());
            assertTrue(hindi.content().body().startsWith("ठीक है, अब हम हिंदी में बात करेंगे"));
            assertEquals("hi", only(citizen.says("menu")).language(), "remembered");
            OutboundMessage english = only(citizen.says("English"));
            assertEquals("en", english.language());
            assertEquals(List.of("menu:file", "menu:track", "lang:hi"), buttonIds(english));
        }
    }

    @Test
    void everyKindOfMessageGetsAPoliteAnswerOrNoneWhenNoneIsDue() {
        try (Citizen citizen = new Citizen()) {
            citizen.says("hi");
            for (MessageType type : List.of(MessageType.STICKER, MessageType.CONTACTS, MessageType.ORDER,
                    MessageType.UNSUPPORTED, MessageType.UNKNOWN, MessageType.EDIT)) {
                OutboundMessage reply = only(citizen.sendsA(type));
                assertTrue(reply.content().body().startsWith("Sorry, I cannot read this kind of message"), type + "");
            }
            assertTrue(only(citizen.sendsA(MessageType.REACTION)).content().body().contains("menu"));
            assertEquals(List.of(), citizen.sendsA(MessageType.REVOKE), "a deleted message needs no answer");
            assertTrue(only(citizen.says("STOP")).content().body().startsWith("You will no longer receive updates"));
            assertTrue(only(citizen.says("START")).content().body().startsWith("You will again receive updates"));
            assertTrue(only(citizen.says("ok")).content().body().startsWith("You are welcome"));
            assertTrue(only(citizen.says("thank you")).content().body().startsWith("You are welcome"));
        }
    }

    static OutboundMessage only(List<OutboundMessage> replies) {
        assertEquals(1, replies.size(), "one reply: " + replies);
        OutboundMessage reply = replies.get(0);
        assertNull(reply.replyTo());
        assertTrue(!reply.proactive(), "replies are not proactive");
        return reply;
    }

    static List<String> buttonIds(OutboundMessage message) {
        return message.content().buttons().stream().map(OutboundMessage.Button::id).toList();
    }

    static List<String> rowIds(OutboundMessage message) {
        return message.content().list().sections().get(0).rows().stream().map(OutboundMessage.Row::id).toList();
    }
}
