package org.samadhan.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.samadhan.contracts.Topics;
import org.samadhan.contracts.whatsapp.DeliveryStatus;
import org.samadhan.contracts.whatsapp.InboundMessage;
import org.samadhan.contracts.whatsapp.MessageType;
import org.samadhan.contracts.whatsapp.ProviderError;

import static org.samadhan.gateway.WebhookFields.firstText;
import static org.samadhan.gateway.WebhookFields.instant;
import static org.samadhan.gateway.WebhookFields.isNumeric;
import static org.samadhan.gateway.WebhookFields.required;
import static org.samadhan.gateway.WebhookFields.text;

/**
 * Turns a WhatsApp webhook body into our events: every message and status of every change of every entry. Real
 * payloads omit {@code contacts} and {@code profile}, send only {@code from_user_id} for username users (2026), batch
 * freely, and add new types without notice, so nothing here assumes more than WhatsApp guarantees. What cannot be
 * normalised is reported as a problem for the dead-letter topic, never silently skipped. Problems name the place in
 * the payload, never a message id: WhatsApp's ids carry the sender's phone number, and problems are logged.
 */
@ApplicationScoped
public class WebhookNormalizer {

    /** The contract's limit (whatsapp.inbound.v1 messageId); WhatsApp's ids are up to 128 characters. */
    static final int MAX_MESSAGE_ID = 256;

    private final DistrictDirectory districts;

    public WebhookNormalizer(DistrictDirectory districts) {
        this.districts = districts;
    }

    public NormalizedWebhook normalize(JsonNode body, Instant receivedAt) {
        var result = new NormalizedWebhook(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        JsonNode entries = body.path("entry");
        if (!body.isObject() || !entries.isArray()) {
            result.problems().add("body: not a WhatsApp webhook (no entry array)");
            return result;
        }
        for (int e = 0; e < entries.size(); e++) {
            JsonNode changes = entries.get(e).path("changes");
            if (!changes.isArray()) {
                result.problems().add("entry[" + e + "]: no changes array");
                continue;
            }
            for (int c = 0; c < changes.size(); c++) {
                normalizeChange(changes.get(c), "entry[" + e + "].changes[" + c + "]", receivedAt, result);
            }
        }
        if (result.eventCount() == 0 && result.problems().isEmpty()) {
            // Empty entry, changes, messages or statuses arrays: WhatsApp never sends them, so keep such a body.
            result.problems().add("body: no message or status in it");
        }
        return result;
    }

    private void normalizeChange(JsonNode change, String where, Instant receivedAt, NormalizedWebhook result) {
        String field = change.path("field").asText("");
        if (!"messages".equals(field)) {
            result.problems().add(where + ": field '" + field + "' is not handled");
            return;
        }
        JsonNode value = change.path("value");
        String phoneNumberId = text(value.path("metadata"), "phone_number_id");
        if (!value.isObject() || phoneNumberId == null) {
            result.problems().add(where + ": value has no metadata.phone_number_id");
            return;
        }
        var changeValue = new Change(value, phoneNumberId, districts.districtOf(phoneNumberId), receivedAt);
        boolean hasContent = false;
        for (String part : List.of("messages", "statuses")) {
            JsonNode array = value.path(part);
            if (array.isMissingNode()) {
                continue;
            }
            hasContent = true;
            if (!array.isArray()) {
                result.problems().add(where + ".value." + part + ": not an array");
                continue;
            }
            for (int i = 0; i < array.size(); i++) {
                try {
                    if (part.equals("messages")) {
                        result.messages().add(changeValue.message(array.get(i)));
                    } else {
                        result.statuses().add(changeValue.status(array.get(i)));
                    }
                } catch (MalformedPayload malformed) {
                    result.problems().add(where + ".value." + part + "[" + i + "]: " + malformed.getMessage());
                }
            }
        }
        if (!hasContent) {
            List<ProviderError> errors = errors(value.path("errors"));
            result.problems().add(where + ": " + (errors.isEmpty()
                    ? "no messages, statuses or errors"
                    : "WhatsApp reported errors " + errors.stream().map(ProviderError::code).toList()));
        }
    }

    /** One {@code changes[].value}: what its messages and statuses share. */
    private record Change(JsonNode value, String phoneNumberId, String district, Instant receivedAt) {

        InboundMessage message(JsonNode m) {
            String messageId = required(m, "id");
            if (messageId.length() > MAX_MESSAGE_ID) {
                throw new MalformedPayload("message id longer than " + MAX_MESSAGE_ID + " characters");
            }
            String providerType = m.path("type").asText("");
            MessageType type = MessageType.fromWire(providerType);
            JsonNode contact = contactOf(m);
            String waId = firstText(m, "from", contact, "wa_id");
            String userId = firstText(m, "from_user_id", contact, "user_id");
            IdentityChange identity = type == MessageType.SYSTEM ? IdentityChange.of(m) : null;
            if (identity != null) {
                // The notice comes from the id the citizen was known by; contacts[] may already name the new one.
                waId = text(m, "from");
                userId = text(m, "from_user_id") != null || identity.previousId().equals(waId)
                        ? text(m, "from_user_id") : identity.previousId();
            }
            String citizenId = identity != null ? identity.previousId() : waId != null ? waId : userId;
            if (citizenId == null) {
                throw new MalformedPayload("message has no sender (from, from_user_id, contacts)");
            }
            JsonNode content = m.path(providerType);
            List<ProviderError> errors = new ArrayList<>(errors(m.path("errors")));
            errors.addAll(errors(value.path("errors")));
            Instant sentAt = instant(m.path("timestamp"), receivedAt);
            if (type == MessageType.INTERACTIVE && !content.isObject() && errors.isEmpty()) {
                throw new MalformedPayload("interactive message has neither content nor errors");
            }
            return new InboundMessage(
                    eventId(Topics.WHATSAPP_INBOUND, messageId), InboundMessage.EVENT_TYPE, sentAt, receivedAt, district,
                    messageId, citizenId, waId, userId, identity != null ? identity.newId() : null,
                    text(contact.path("profile"), "name"),
                    phoneNumberId, text(value.path("metadata"), "display_phone_number"), type, providerType,
                    context(m.path("context")),
                    type == MessageType.TEXT ? new InboundMessage.Text(required(content, "body")) : null,
                    type == MessageType.INTERACTIVE ? interactive(content) : null,
                    type == MessageType.BUTTON ? new InboundMessage.Button(text(content, "payload"), text(content, "text")) : null,
                    type == MessageType.LOCATION ? location(content) : null,
                    type.isMedia() ? media(content) : null,
                    type == MessageType.CONTACTS ? array(content, "contacts") : null,
                    type == MessageType.REACTION ? new InboundMessage.Reaction(required(content, "message_id"), text(content, "emoji")) : null,
                    type == MessageType.ORDER ? object(content, "order") : null,
                    type == MessageType.SYSTEM ? object(content, "system") : null,
                    type == MessageType.REVOKE ? new InboundMessage.Revoke(required(content, "original_message_id")) : null,
                    type == MessageType.EDIT ? edit(content) : null,
                    errors.isEmpty() ? null : errors,
                    type == MessageType.UNKNOWN || type == MessageType.UNSUPPORTED ? m : null);
        }

        DeliveryStatus status(JsonNode s) {
            String providerMessageId = required(s, "id");
            String status = required(s, "status");
            String citizenId = firstText(s, "recipient_id", s, "recipient_user_id");
            if (citizenId == null) {
                throw new MalformedPayload("status has no recipient");
            }
            JsonNode conversation = s.path("conversation");
            JsonNode pricing = s.path("pricing");
            List<ProviderError> errors = errors(s.path("errors"));
            return new DeliveryStatus(
                    eventId(Topics.WHATSAPP_STATUS, providerMessageId + "/" + status), DeliveryStatus.EVENT_TYPE,
                    instant(s.path("timestamp"), receivedAt), receivedAt, district, providerMessageId, status, citizenId,
                    phoneNumberId, text(s, "biz_opaque_callback_data"),
                    conversation.isObject() ? new DeliveryStatus.Conversation(text(conversation, "id"),
                            text(conversation.path("origin"), "type"),
                            conversation.has("expiration_timestamp") ? instant(conversation.path("expiration_timestamp"), null) : null)
                            : null,
                    pricing.isObject() ? new DeliveryStatus.Pricing(
                            pricing.path("billable").isBoolean() ? pricing.path("billable").asBoolean() : null,
                            text(pricing, "pricing_model"), text(pricing, "category"), text(pricing, "type"))
                            : null,
                    errors.isEmpty() ? null : errors);
        }

        /** The contact entry describing this message's sender; with one contact (the usual case) that one. */
        private JsonNode contactOf(JsonNode m) {
            JsonNode contacts = value.path("contacts");
            if (!contacts.isArray() || contacts.isEmpty()) {
                return MissingNode.getInstance();
            }
            String from = text(m, "from");
            String fromUserId = text(m, "from_user_id");
            for (JsonNode contact : contacts) {
                if ((from != null && from.equals(text(contact, "wa_id")))
                        || (fromUserId != null && fromUserId.equals(text(contact, "user_id")))) {
                    return contact;
                }
            }
            return contacts.size() == 1 ? contacts.get(0) : MissingNode.getInstance();
        }
    }

    private static InboundMessage.Context context(JsonNode context) {
        if (!context.isObject()) {
            return null;
        }
        return new InboundMessage.Context(text(context, "id"), text(context, "from"),
                context.has("forwarded") ? context.path("forwarded").asBoolean() : null,
                context.has("frequently_forwarded") ? context.path("frequently_forwarded").asBoolean() : null);
    }

    private static InboundMessage.Interactive interactive(JsonNode interactive) {
        if (!interactive.isObject()) {
            return null; // WhatsApp sent an interactive message without payload; its errors say why
        }
        String kind = interactive.path("type").asText("");
        JsonNode reply = interactive.path(kind);
        return new InboundMessage.Interactive(kind, text(reply, "id"), text(reply, "title"), text(reply, "description"),
                text(reply, "name"), text(reply, "response_json"), text(reply, "body"));
    }

    private static InboundMessage.Location location(JsonNode location) {
        JsonNode latitude = location.path("latitude");
        JsonNode longitude = location.path("longitude");
        if (!isNumeric(latitude) || !isNumeric(longitude)) {
            throw new MalformedPayload("location without numeric latitude and longitude");
        }
        double lat = latitude.asDouble();
        double lon = longitude.asDouble();
        if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) { // also false for NaN
            throw new MalformedPayload("location outside latitude -90..90 and longitude -180..180");
        }
        return new InboundMessage.Location(lat, lon, text(location, "name"),
                text(location, "address"), text(location, "url"));
    }

    private static InboundMessage.Media media(JsonNode media) {
        if (!media.isObject()) {
            throw new MalformedPayload("media message has no media object");
        }
        return new InboundMessage.Media(required(media, "id"), text(media, "mime_type"), text(media, "sha256"),
                text(media, "caption"), text(media, "filename"),
                media.has("voice") ? media.path("voice").asBoolean() : null,
                media.has("animated") ? media.path("animated").asBoolean() : null,
                text(media, "url"));
    }

    private static InboundMessage.Edit edit(JsonNode edit) {
        JsonNode message = edit.path("message");
        return new InboundMessage.Edit(required(edit, "original_message_id"), message.isObject() ? message : null);
    }

    private static JsonNode array(JsonNode node, String what) {
        if (!node.isArray()) {
            throw new MalformedPayload(what + " is not an array");
        }
        return node;
    }

    private static JsonNode object(JsonNode node, String what) {
        if (!node.isObject()) {
            throw new MalformedPayload(what + " is not an object");
        }
        return node;
    }

    private static List<ProviderError> errors(JsonNode errors) {
        if (!errors.isArray()) {
            return List.of();
        }
        List<ProviderError> result = new ArrayList<>(errors.size());
        for (JsonNode error : errors) {
            result.add(new ProviderError(error.path("code").canConvertToInt() ? error.path("code").asInt() : null,
                    text(error, "title"), text(error, "message"), text(error.path("error_data"), "details"),
                    text(error, "href")));
        }
        return result;
    }

    /** The same message or status always gets the same event id, so redeliveries are recognisable downstream. */
    private static String eventId(String topic, String naturalKey) {
        return UUID.nameUUIDFromBytes((topic + "/" + naturalKey).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** A message or status that cannot become an event; the reason goes to the dead-letter topic. */
    static final class MalformedPayload extends RuntimeException {
        MalformedPayload(String reason) {
            super(reason, null, false, false);
        }
    }
}
