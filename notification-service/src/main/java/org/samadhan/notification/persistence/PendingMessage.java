package org.samadhan.notification.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * A message taken for sending, with what the sender needs to know about its citizen.
 *
 * @param message  the free-form content ({@code OutboundMessage.Content} as JSON, plus {@code replyTo})
 * @param template the approved template to use when the 24-hour window is closed ({@code {name, parameters}}), or null
 */
public record PendingMessage(String outboundId, String waId, String citizenRef, String districtCode, String kind,
                             UUID grievanceId, String language, boolean proactive, JsonNode message,
                             JsonNode template, boolean asTemplate, int attempts, Instant lastInboundAt,
                             boolean optedOut) {
}
