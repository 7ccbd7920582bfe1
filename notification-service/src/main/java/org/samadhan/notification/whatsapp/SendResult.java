package org.samadhan.notification.whatsapp;

/** How the Cloud API answered one send, sorted by what it tells us about whether WhatsApp took the message. */
public sealed interface SendResult {

    /** Accepted, with WhatsApp's message id (not yet delivered: statuses say that later). */
    record Accepted(String wamid) implements SendResult {
    }

    /**
     * WhatsApp's own error answer (its error object, whatever the HTTP status, 5xx included): it did not take the
     * message, and its code decides whether to retry.
     */
    record Refused(int httpStatus, int code, String title, String details) implements SendResult {

        /** Throughput and pair limits, temporary errors, maintenance, and any 5xx are worth retrying. */
        public boolean isTransient() {
            return switch (code) {
                case 4, 80007, 130429, 131000, 131016, 131056, 131057, 133016 -> true;
                default -> httpStatus >= 500;
            };
        }
    }

    /** No connection could be made, so nothing was written: WhatsApp cannot have the message. */
    record NotSent(String reason) implements SendResult {
    }

    /**
     * The request was written but no usable answer came: a timeout, a connection lost mid-exchange, a success without
     * a message id, or a 5xx from something other than WhatsApp (a proxy's 502 / 504). WhatsApp may have taken it, so
     * it must not be sent again before its statuses had time to arrive.
     */
    record Unknown(String reason) implements SendResult {
    }
}
