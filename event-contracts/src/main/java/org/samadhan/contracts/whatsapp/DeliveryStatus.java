package org.samadhan.contracts.whatsapp;

import java.time.Instant;
import java.util.List;

/**
 * What WhatsApp reports about a message we sent: the payload of {@code whatsapp.status.v1}
 * (schema {@code contracts/schemas/whatsapp.status.v1.schema.json}). Statuses arrive out of order, may skip
 * {@code delivered}, and repeat: consumers deduplicate on ({@code providerMessageId}, {@code status}).
 */
public record DeliveryStatus(
        String eventId,
        String eventType,
        Instant occurredAt,
        Instant receivedAt,
        String districtCode,
        String providerMessageId,
        String status,
        String citizenId,
        String phoneNumberId,
        String bizOpaqueCallbackData,
        Conversation conversation,
        Pricing pricing,
        List<ProviderError> errors) {

    /** CloudEvents type of this event. */
    public static final String EVENT_TYPE = "org.samadhan.whatsapp.status.received.v1";

    public record Conversation(String id, String originType, Instant expiresAt) {
    }

    public record Pricing(Boolean billable, String model, String category, String type) {
    }
}
