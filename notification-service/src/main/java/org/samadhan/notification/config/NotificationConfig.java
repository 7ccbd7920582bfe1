package org.samadhan.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the notification service; application.properties explains each group. */
@ConfigMapping(prefix = "notification")
public interface NotificationConfig {

    /** Source attribute of the CloudEvents this service emits. */
    @WithDefault("/samadhan/notification-service")
    String eventSource();

    /** Key of the citizen references (env {@code CITIZEN_REF_KEY}, shared with chatbot-service). */
    String citizenRefKey();

    /**
     * News older than this is not told: a replayed topic or a long outage must not flood citizens with stale updates,
     * and news waiting for a citizen's first message does not wait longer.
     */
    @WithDefault("P2D")
    Duration newsMaxAge();

    WhatsApp whatsapp();

    Sending sending();

    Templates templates();

    /** The Cloud API send endpoint: {@code {base-url}/{version}/{phone-number-id}/messages} with a bearer token. */
    interface WhatsApp {
        String baseUrl();

        String version();

        String phoneNumberId();

        String accessToken();

        /** A send not answered in this time counts as a timeout (transient, retried). */
        Duration timeout();
    }

    interface Sending {
        /** Messages per second per business number, never exceeded in any one-second window. */
        int perSecond();

        /** Messages to one citizen allowed at once before pacing (WhatsApp allows 45). */
        int pairBurst();

        /** After the burst, one message per this interval to the same citizen (WhatsApp: 6 s). */
        Duration pairInterval();

        /** Sends in flight at once. */
        int concurrency();

        /** Attempts before a message with transient failures is dead-lettered. */
        int maxAttempts();

        /** Backoff before the second attempt; doubled each time, with jitter, up to {@link #maxRetry()}. */
        Duration firstRetry();

        Duration maxRetry();

        /**
         * A send left unrecorded this long (the service died between sending and recording) is re-queued unless a
         * status for it arrived meanwhile: WhatsApp reports {@code sent} within seconds of accepting a message.
         */
        Duration unconfirmedAfter();
    }

    /** Approved template names (language = the citizen's) for when the 24-hour window is closed. */
    interface Templates {
        /** Three body parameters: grievance number, what happened, detail. */
        String update();

        /** Two body parameters: grievance number, the officer's action-taken note. */
        String feedback();
    }
}
