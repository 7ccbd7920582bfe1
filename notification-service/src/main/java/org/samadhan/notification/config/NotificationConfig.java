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

    /**
     * Key of the citizen references (env {@code CITIZEN_REF_KEY}, shared with chatbot-service), also keying the
     * published outbound ids; at least 16 characters, checked at start-up.
     */
    String citizenRefKey();

    /**
     * How long handled inbound message ids are kept to recognise WhatsApp's redeliveries (it redelivers for up to
     * 7 days); older ones are still kept in order by their message times.
     */
    @WithDefault("P8D")
    Duration inboundRetention();

    /**
     * News older than this is not told: a replayed topic or a long outage must not flood citizens with stale updates,
     * and news waiting for a citizen's first message does not wait longer.
     */
    @WithDefault("P2D")
    Duration newsMaxAge();

    WhatsApp whatsapp();

    Sending sending();

    Templates templates();

    OfficialTemplates officialTemplates();

    /** The Cloud API send endpoint: {@code {base-url}/{version}/{phone-number-id}/messages} with a bearer token. */
    interface WhatsApp {
        String baseUrl();

        String version();

        String phoneNumberId();

        String accessToken();

        /**
         * A send not answered in this time counts as a timeout: WhatsApp may have taken it, so it is settled by its
         * statuses (see {@link Sending#unconfirmedAfter()}), not retried at once.
         */
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
         * A send with no answer (a timeout, a lost connection, the service died before recording it) is queued again
         * once its answer was due ({@link WhatsApp#timeout()}) and this much more has passed without a status for
         * it: WhatsApp reports {@code sent} within seconds of accepting a message. Also how long a new or recovered
         * sender waits before settling anything.
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

    /**
     * Approved template names of the officials' alerts, always sent as templates (officials are outside the 24-hour
     * window), in the official's language; each with its body parameters.
     */
    interface OfficialTemplates {
        /** Grievance number, department, due date: a new grievance is assigned to you. */
        String assigned();

        /** Grievance number, due date: a grievance you hold is due. */
        String due();

        /** Grievance number, department, why, due date: a grievance is escalated to you. */
        String escalated();

        /** Grievance number, who holds it now: a grievance you held is escalated above you. */
        String escalatedAway();

        /** Grievance number, who holds it now: the citizen rejected your resolution. */
        String rejected();

        /** Grievance number, department: the citizen rejected the resolution at the top level; it is disputed. */
        String disputed();
    }
}
