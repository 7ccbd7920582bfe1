package org.samadhan.gateway;

import java.util.List;
import org.samadhan.contracts.whatsapp.DeliveryStatus;
import org.samadhan.contracts.whatsapp.InboundMessage;

/**
 * One webhook POST after normalisation: every message and status it held, and what could not be normalised
 * (each problem names its place in the payload, e.g. {@code entry[0].changes[1]: field 'account_update' ...}).
 */
public record NormalizedWebhook(List<InboundMessage> messages, List<DeliveryStatus> statuses, List<String> problems) {

    public int eventCount() {
        return messages.size() + statuses.size();
    }
}
