package org.samadhan.notification.whatsapp;

/** How the Cloud API answered one send. */
public sealed interface SendResult {

    /** Accepted, with WhatsApp's message id (not yet delivered: statuses say that later). */
    record Accepted(String wamid) implements SendResult {
    }

    /** An error answer: WhatsApp's code decides whether to retry. */
    record Refused(int httpStatus, int code, String title, String details) implements SendResult {

        /** Throughput and pair limits, temporary errors, maintenance, and any 5xx are worth retrying. */
        public boolean isTransient() {
            return switch (code) {
                case 4, 80007, 130429, 131000, 131016, 131056, 131057, 133016 -> true;
                default -> httpStatus >= 500;
            };
        }
    }

    /** No answer: timeout or connection failure. WhatsApp may or may not have taken it. */
    record Unreachable(String reason) implements SendResult {
    }
}
