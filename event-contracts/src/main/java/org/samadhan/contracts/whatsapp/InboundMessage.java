package org.samadhan.contracts.whatsapp;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * A message a citizen sent to the district's WhatsApp number: the payload of {@code whatsapp.inbound.v1}
 * (schema {@code contracts/schemas/whatsapp.inbound.v1.schema.json}). Exactly one content field, matching
 * {@code type}, is set. WhatsApp redelivers, so the same {@code messageId} can arrive more than once: consumers
 * deduplicate on it (the {@code eventId} is derived from it and repeats too).
 *
 * @param citizenId    who sent it: {@code waId} when WhatsApp gives one, else {@code userId} (the BSUID); the key
 * @param newCitizenId set only on a {@code system} message that changes the citizen's id (WhatsApp's
 *                     {@code user_changed_user_id} for a citizen known by their BSUID, {@code user_changed_number}):
 *                     the id their messages carry from now on, while {@code citizenId} stays the id they were known
 *                     by until now, so the notice is ordered with their earlier messages
 */
public record InboundMessage(
        String eventId,
        String eventType,
        Instant occurredAt,
        Instant receivedAt,
        String districtCode,
        String messageId,
        String citizenId,
        String waId,
        String userId,
        String newCitizenId,
        String profileName,
        String phoneNumberId,
        String displayPhoneNumber,
        MessageType type,
        String providerType,
        Context context,
        Text text,
        Interactive interactive,
        Button button,
        Location location,
        Media media,
        JsonNode contacts,
        Reaction reaction,
        JsonNode order,
        JsonNode system,
        Revoke revoke,
        Edit edit,
        List<ProviderError> errors,
        JsonNode raw) {

    /** CloudEvents type of this event. */
    public static final String EVENT_TYPE = "org.samadhan.whatsapp.message.received.v1";

    /** A message that changes no one's id (every message but an identity change): {@code newCitizenId} is null. */
    public InboundMessage(String eventId, String eventType, Instant occurredAt, Instant receivedAt,
                          String districtCode, String messageId, String citizenId, String waId, String userId,
                          String profileName, String phoneNumberId, String displayPhoneNumber, MessageType type,
                          String providerType, Context context, Text text, Interactive interactive, Button button,
                          Location location, Media media, JsonNode contacts, Reaction reaction, JsonNode order,
                          JsonNode system, Revoke revoke, Edit edit, List<ProviderError> errors, JsonNode raw) {
        this(eventId, eventType, occurredAt, receivedAt, districtCode, messageId, citizenId, waId, userId, null,
                profileName, phoneNumberId, displayPhoneNumber, type, providerType, context, text, interactive, button,
                location, media, contacts, reaction, order, system, revoke, edit, errors, raw);
    }

    /** The business message this one replies to, or forwarding flags. */
    public record Context(String messageId, String from, Boolean forwarded, Boolean frequentlyForwarded) {
    }

    public record Text(String body) {
    }

    /** A tap on a reply button or list row ({@code replyId}, {@code title}), or a WhatsApp Flow answer. */
    public record Interactive(String kind, String replyId, String title, String description, String flowName,
                              String flowResponseJson, String body) {
    }

    /** A tap on a template's quick-reply button. */
    public record Button(String payload, String text) {
    }

    public record Location(double latitude, double longitude, String name, String address, String url) {
    }

    /** Image, video, audio (voice notes have {@code voice}), document or sticker, by WhatsApp media id. */
    public record Media(String mediaId, String mimeType, String sha256, String caption, String filename,
                        Boolean voice, Boolean animated, String url) {
    }

    /** A reaction to one of our messages; an empty emoji removes it. */
    public record Reaction(String messageId, String emoji) {
    }

    /** The citizen deleted an earlier message. */
    public record Revoke(String originalMessageId) {
    }

    /** The citizen edited an earlier message; {@code message} is the new content in WhatsApp's shape. */
    public record Edit(String originalMessageId, JsonNode message) {
    }
}
