package org.samadhan.contracts;

import java.util.List;

/** The topic catalogue: every Kafka topic the system uses, versioned in its name. */
public final class Topics {

    /** Citizen messages from WhatsApp, one event per message. Key: citizen id. Producer: gateway-service. */
    public static final String WHATSAPP_INBOUND = "whatsapp.inbound.v1";
    /** Delivery statuses of messages we sent. Key: citizen id. Producer: gateway-service. */
    public static final String WHATSAPP_STATUS = "whatsapp.status.v1";
    /** Messages to send to citizens. Key: citizen id. Producers: chatbot-service; consumer: notification-service. */
    public static final String WHATSAPP_OUTBOUND = "whatsapp.outbound.v1";
    /** Citizens' opt-outs of and back into proactive messages, however they said it. Key: citizen id. Producer:
     * chatbot-service; consumer: notification-service. */
    public static final String WHATSAPP_PREFERENCES = "whatsapp.preferences.v1";
    /** Commands for the grievance lifecycle. Key: grievance id. Consumer: grievance-service. */
    public static final String GRIEVANCE_COMMANDS = "grievance.commands.v1";
    /** One event per grievance transition. Key: grievance id. Producer: grievance-service. */
    public static final String GRIEVANCE_EVENTS = "grievance.events.v1";

    /** Each district's department directory, latest version per key (compacted). Key: district code. Producer:
     * routing-service; consumers: grievance-service, notification-service. */
    public static final String ROUTING_DIRECTORY = "routing.directory.v1";

    /** What became of each message sent to a citizen. Key: outbound id. Producer: notification-service. */
    public static final String NOTIFICATION_DELIVERIES = "notification.deliveries.v1";

    /** Every topic above, in catalogue order. */
    public static final List<String> ALL = List.of(WHATSAPP_INBOUND, WHATSAPP_STATUS, WHATSAPP_OUTBOUND,
            WHATSAPP_PREFERENCES, GRIEVANCE_COMMANDS, GRIEVANCE_EVENTS, ROUTING_DIRECTORY, NOTIFICATION_DELIVERIES);

    private Topics() {
    }

    /** The dead-letter topic of a topic: records that could not be processed, kept raw with the reason. */
    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }
}
