package org.samadhan.contracts;

import java.util.Map;
import java.util.Optional;

/** Where each topic's published JSON Schema lives on the classpath (and in this module's resources). */
public final class EventSchemas {

    private static final Map<String, String> BY_TOPIC = Map.of(
            Topics.WHATSAPP_INBOUND, "/contracts/schemas/whatsapp.inbound.v1.schema.json",
            Topics.WHATSAPP_STATUS, "/contracts/schemas/whatsapp.status.v1.schema.json",
            Topics.WHATSAPP_OUTBOUND, "/contracts/schemas/whatsapp.outbound.v1.schema.json",
            Topics.WHATSAPP_PREFERENCES, "/contracts/schemas/whatsapp.preferences.v1.schema.json",
            Topics.NOTIFICATION_DELIVERIES, "/contracts/schemas/notification.deliveries.v1.schema.json",
            Topics.GRIEVANCE_COMMANDS, "/contracts/schemas/grievance.commands.v1.schema.json",
            Topics.GRIEVANCE_EVENTS, "/contracts/schemas/grievance.events.v1.schema.json",
            Topics.ROUTING_DIRECTORY, "/contracts/schemas/routing.directory.v1.schema.json");

    private EventSchemas() {
    }

    /** Classpath resource of the topic's schema; empty while the topic's producer has not published one yet. */
    public static Optional<String> resourceFor(String topic) {
        return Optional.ofNullable(BY_TOPIC.get(topic));
    }
}
