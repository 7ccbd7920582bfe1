package org.samadhan.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.samadhan.contracts.Json;
import org.samadhan.contracts.whatsapp.DeliveryStatus;
import org.samadhan.contracts.whatsapp.InboundMessage;
import org.samadhan.contracts.whatsapp.MessageType;

class WebhookNormalizerTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-30T06:00:00Z");

    private final WebhookNormalizer normalizer =
            new WebhookNormalizer(new DistrictDirectory(Map.of("555000111222333", "DRG"), "BLD"));

    @Test
    void textInHindiWithEmojiKeepsEveryCharacterAndTheSender() {
        InboundMessage m = single("text-hindi-emoji");
        assertEquals(MessageType.TEXT, m.type());
        assertEquals("नमस्ते 🙏 हमारे गाँव में हैंडपंप खराब है", m.text().body());
        assertEquals("919876543210", m.citizenId());
        assertEquals("919876543210", m.waId());
        assertEquals("रमेश साहू 👍🏻", m.profileName());
        assertEquals("106540352242922", m.phoneNumberId());
        assertEquals("BLD", m.districtCode());
        assertEquals(Instant.ofEpochSecond(1764480000L), m.occurredAt());
        assertEquals(RECEIVED, m.receivedAt());
        assertTrue(m.messageId().startsWith("wamid."));
    }

    @Test
    void replyButtonAndListTapsCarryTheirIdsAndTheMessageTheyAnswer() {
        InboundMessage button = single("interactive-button-reply");
        assertEquals("button_reply", button.interactive().kind());
        assertEquals("feedback:BLD-2026-000123:satisfied", button.interactive().replyId());
        assertEquals("संतुष्ट", button.interactive().title());
        assertEquals("wamid.HBgMOTE5ODc2NTQzMjEwFQIAERgSQzNGMTk0RkU1QjQxMDI3NzM4AA==", button.context().messageId());

        InboundMessage list = single("interactive-list-reply");
        assertEquals("list_reply", list.interactive().kind());
        assertEquals("block:GURUR", list.interactive().replyId());
        assertEquals("गुरूर विकासखंड", list.interactive().description());

        InboundMessage flow = single("interactive-nfm-reply");
        assertEquals("nfm_reply", flow.interactive().kind());
        assertEquals("flow", flow.interactive().flowName());
        assertEquals("{\"flow_token\":\"grievance-form\",\"village\":\"Arjunda\"}", flow.interactive().flowResponseJson());
    }

    @Test
    void templateQuickReplyCarriesItsPayload() {
        InboundMessage m = single("button-template-reply");
        assertEquals(MessageType.BUTTON, m.type());
        assertEquals("feedback:BLD-2026-000123:not_satisfied", m.button().payload());
        assertEquals("Not satisfied", m.button().text());
    }

    @Test
    void locationPinKeepsCoordinatesAndEscapedUrl() {
        InboundMessage.Location location = single("location-pin").location();
        assertEquals(20.7306, location.latitude());
        assertEquals(81.2044, location.longitude());
        assertEquals("Arjunda, Gunderdehi, Balod", location.address());
        assertEquals("https://maps.google.com/?q=20.7306,81.2044", location.url());
    }

    @Test
    void everyMediaKindCarriesItsMediaIdAndDetails() {
        InboundMessage image = single("image-with-caption");
        assertEquals(MessageType.IMAGE, image.type());
        assertEquals("1003383421387256", image.media().mediaId());
        assertEquals("टूटा हुआ हैंडपंप", image.media().caption());
        assertEquals("image/jpeg", image.media().mimeType());

        InboundMessage voice = single("audio-voice-note");
        assertEquals(MessageType.AUDIO, voice.type());
        assertEquals(Boolean.TRUE, voice.media().voice());
        assertEquals("audio/ogg; codecs=opus", voice.media().mimeType());

        assertEquals("ration-card.pdf", single("document").media().filename());
        assertEquals(MessageType.VIDEO, single("video").type());
        InboundMessage sticker = single("sticker");
        assertEquals(MessageType.STICKER, sticker.type());
        assertEquals(Boolean.FALSE, sticker.media().animated());
    }

    @Test
    void contactsReactionsOrdersAndSystemNoticesKeepTheirContent() {
        InboundMessage contacts = single("contacts");
        assertEquals(2, contacts.contacts().size());
        assertEquals("Patwari", contacts.contacts().get(1).path("name").path("formatted_name").asText());

        InboundMessage reaction = single("reaction");
        assertEquals("👍", reaction.reaction().emoji());
        assertEquals("wamid.HBgMOTE5ODc2NTQzMjEwFQIAERgSQzNGMTk0RkU1QjQxMDI3NzM4AA==", reaction.reaction().messageId());
        assertNull(single("reaction-removed").reaction().emoji(), "an empty emoji means the reaction was removed");

        assertEquals("handpump-kit", single("order").order().path("product_items").get(0)
                .path("product_retailer_id").asText());

        InboundMessage system = single("system-changed-number");
        assertEquals("user_changed_number", system.system().path("type").asText());
        assertEquals("919876543210", system.citizenId(), "system messages have no contacts; the sender is 'from'");
        assertEquals("919876543211", system.newCitizenId(), "the number the citizen writes from now on");
        assertNull(system.profileName());
    }

    @Test
    void aChangeOfBusinessScopedUserIdComesFromTheOldIdAndNamesTheNewOne() {
        // Meta's own sample: no 'from', no contacts; the old id only in the notice's text.
        InboundMessage meta = single("system-changed-user-id");
        assertEquals(MessageType.SYSTEM, meta.type());
        assertEquals("IN.13491208655302741918", meta.citizenId(), "the id the conversation was known by: the key");
        assertEquals("IN.13491208655302741918", meta.userId());
        assertNull(meta.waId());
        assertEquals("IN.24817305912873645029", meta.newCitizenId());
        assertEquals("user_changed_user_id", meta.system().path("type").asText());

        // Libraries' form with previous_user_id, and contacts[] that already names the new id.
        InboundMessage withPrevious = single("system-changed-user-id-previous-field");
        assertEquals("IN.13491208655302741918", withPrevious.citizenId());
        assertEquals("IN.24817305912873645029", withPrevious.newCitizenId());
    }

    @Test
    void aChangeOfUserIdForACitizenKnownByTheirNumberChangesNoCitizenId() throws IOException {
        String body = new String(Webhooks.fixture("system-changed-user-id"), StandardCharsets.UTF_8)
                .replace("\"messages\":[{", "\"messages\":[{\"from\":\"919876543210\",");
        NormalizedWebhook webhook = normalizer.normalize(Json.mapper().readTree(body), RECEIVED);
        assertEquals(List.of(), webhook.problems());
        assertEquals("919876543210", webhook.messages().get(0).citizenId());
        assertNull(webhook.messages().get(0).newCitizenId());
    }

    @Test
    void aChangeOfUserIdThatNamesNoPreviousIdIsDeadLetteredNotKeyedByTheNewId() throws IOException {
        String body = new String(Webhooks.fixture("system-changed-user-id"), StandardCharsets.UTF_8)
                .replace("User Kavita changed from IN.13491208655302741918 to IN.24817305912873645029",
                        "User Kavita changed their business-scoped id");
        NormalizedWebhook webhook = normalizer.normalize(Json.mapper().readTree(body), RECEIVED);
        assertEquals(0, webhook.eventCount());
        assertEquals(List.of("entry[0].changes[0].value.messages[0]: user_changed_user_id names no previous user id "
                + "(from_user_id, previous_user_id, body)"), webhook.problems());
    }

    @Test
    void unsupportedUnknownAndFutureTypesAreKeptWithTheirErrorsAndRawJson() {
        InboundMessage unsupported = single("unsupported");
        assertEquals(MessageType.UNSUPPORTED, unsupported.type());
        assertEquals(131051, unsupported.errors().get(0).code());
        assertEquals("poll", unsupported.raw().path("unsupported").path("type").asText());

        InboundMessage legacy = single("unknown-legacy");
        assertEquals(MessageType.UNKNOWN, legacy.type());
        assertEquals("Unsupported message type", legacy.errors().get(0).title());

        InboundMessage future = single("future-type");
        assertEquals(MessageType.UNKNOWN, future.type());
        assertEquals("hologram", future.providerType());
        assertEquals("cube", future.raw().path("hologram").path("shape").asText());
    }

    @Test
    void revokeAndEditPointAtTheOriginalMessage() {
        String original = "wamid.HBgMOTE5ODc2NTQzMjEwFQIAEhggQjVFRkM1RTU4QTlBNjQ0MTc3NDA0RTY3QkI1MkVEOTAA";
        assertEquals(original, single("revoke").revoke().originalMessageId());
        InboundMessage edit = single("edit");
        assertEquals(original, edit.edit().originalMessageId());
        assertEquals("हैंडपंप 10 दिन से खराब है", edit.edit().message().path("text").path("body").asText());
    }

    @Test
    void usernameOnlySenderIsKeyedByUserId() {
        InboundMessage m = single("bsuid-only-sender");
        assertEquals("IN.13491208655302741918", m.citizenId());
        assertNull(m.waId());
        assertEquals("IN.13491208655302741918", m.userId());
        assertEquals("Kavita", m.profileName());
    }

    @Test
    void missingProfileOrContactsIsNotAnError() {
        InboundMessage noProfile = single("contact-without-profile");
        assertEquals("919876543210", noProfile.citizenId());
        assertNull(noProfile.profileName());
        assertEquals("status", single("no-contacts").text().body());
    }

    @Test
    void interactiveWithoutPayloadCarriesWhatsAppsValueLevelError() {
        InboundMessage m = single("interactive-without-payload");
        assertEquals(MessageType.INTERACTIVE, m.type());
        assertNull(m.interactive());
        assertEquals(131000, m.errors().get(0).code());
    }

    @Test
    void statusesKeepOrderSkippedStatesPricingAndErrors() {
        NormalizedWebhook webhook = normalize("statuses");
        List<DeliveryStatus> statuses = webhook.statuses();
        assertEquals(List.of("sent", "read", "failed"), statuses.stream().map(DeliveryStatus::status).toList());
        DeliveryStatus sent = statuses.get(0);
        assertEquals("service", sent.conversation().originType());
        assertEquals(Instant.ofEpochSecond(1764566617L), sent.conversation().expiresAt());
        assertEquals("PMP", sent.pricing().model());
        assertEquals(Boolean.FALSE, sent.pricing().billable());
        DeliveryStatus failed = statuses.get(2);
        assertEquals(131047, failed.errors().get(0).code());
        assertEquals("out:7f9c1c1e", failed.bizOpaqueCallbackData());
        assertEquals("919876543210", failed.citizenId());
        assertTrue(webhook.problems().isEmpty());

        assertEquals("IN.13491208655302741918", normalize("status-bsuid-recipient").statuses().get(0).citizenId());
    }

    @Test
    void batchYieldsEveryMessageAndStatusOfEveryEntryAndChange() {
        NormalizedWebhook webhook = normalize("batch");
        assertEquals(List.of("wamid.BATCH.1", "wamid.BATCH.2", "wamid.BATCH.3"),
                webhook.messages().stream().map(InboundMessage::messageId).toList());
        assertEquals(List.of("delivered", "sent"), webhook.statuses().stream().map(DeliveryStatus::status).toList());
        assertEquals("DRG", webhook.messages().get(2).districtCode(), "the second entry came to another district's number");
        assertEquals("Dilip", webhook.messages().get(2).profileName());
        assertTrue(webhook.problems().isEmpty());
    }

    @Test
    void redeliveredMessagesGetTheSameEventId() {
        assertEquals(single("text-hindi-emoji").eventId(), single("text-hindi-emoji").eventId());
        List<DeliveryStatus> statuses = normalize("statuses").statuses();
        assertTrue(!statuses.get(0).eventId().equals(statuses.get(1).eventId()),
                "sent and read of one message are different events");
    }

    @Test
    void whatCannotBeNormalisedIsNamedForTheDeadLetterTopicAndTheRestStillFlows() {
        NormalizedWebhook mixed = normalize("unknown-field-and-message");
        assertEquals(List.of("wamid.MIXED.1"), mixed.messages().stream().map(InboundMessage::messageId).toList());
        assertEquals(List.of("entry[0].changes[0]: field 'account_update' is not handled"), mixed.problems());

        NormalizedWebhook malformed = normalize("malformed-message-in-batch");
        assertEquals(List.of("wamid.MALFORMED.2"), malformed.messages().stream().map(InboundMessage::messageId).toList());
        assertEquals(List.of("entry[0].changes[0].value.messages[0]: missing 'id'"), malformed.problems());

        NormalizedWebhook errorsOnly = normalize("value-errors-only");
        assertEquals(0, errorsOnly.eventCount());
        assertEquals(List.of("entry[0].changes[0]: WhatsApp reported errors [130429]"), errorsOnly.problems());
    }

    @Test
    void jsonThatIsNotAWebhookIsAProblemNotAnException() throws IOException {
        assertEquals(List.of("body: not a WhatsApp webhook (no entry array)"),
                normalizer.normalize(Json.mapper().readTree("[1,2,3]"), RECEIVED).problems());
        assertEquals(List.of("entry[0]: no changes array"),
                normalizer.normalize(Json.mapper().readTree("{\"entry\":[{\"id\":\"1\"}]}"), RECEIVED).problems());
        assertEquals(List.of("entry[0].changes[0]: value has no metadata.phone_number_id"),
                normalizer.normalize(Json.mapper().readTree(
                        "{\"entry\":[{\"changes\":[{\"field\":\"messages\",\"value\":{\"messages\":[]}}]}]}"),
                        RECEIVED).problems());
    }

    @Test
    void dashboardTestPayloadIsAcceptedUnderTheDefaultDistrict() {
        InboundMessage m = single("dashboard-test");
        assertEquals("ABGGFlA5Fpa", m.messageId());
        assertEquals("BLD", m.districtCode());
        assertNotNull(m.eventId());
    }

    private InboundMessage single(String fixture) {
        NormalizedWebhook webhook = normalize(fixture);
        assertEquals(1, webhook.messages().size(), "messages in " + fixture);
        assertTrue(webhook.problems().isEmpty(), () -> "problems in " + fixture + ": " + webhook.problems());
        return webhook.messages().get(0);
    }

    private NormalizedWebhook normalize(String fixture) {
        try {
            return normalizer.normalize(Json.mapper().readTree(Webhooks.fixture(fixture)), RECEIVED);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
