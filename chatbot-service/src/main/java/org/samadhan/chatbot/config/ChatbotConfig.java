package org.samadhan.chatbot.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** chatbot-service settings ({@code chatbot.*} in application.properties; secrets from the environment). */
@ConfigMapping(prefix = "chatbot")
public interface ChatbotConfig {

    /** Source attribute of the CloudEvents this service emits. */
    @WithDefault("/samadhan/chatbot-service")
    String eventSource();

    /** Key for citizens' pseudonymous references (shared with notification-service). */
    String citizenRefKey();

    /** The district's code when an inbound message carries none. */
    @WithDefault("BLD")
    String districtCode();

    /** Language of a citizen whose first message does not show one (a photo, a location). */
    @WithDefault("hi")
    String defaultLanguage();

    /** The district's blocks, offered as a list when the citizen does not share a location pin. */
    List<String> blocks();

    Limits limits();

    /** A greeting after this long away, with a draft unfinished, offers to resume it. */
    @WithDefault("30m")
    Duration draftIdleAfter();

    /** How long to wait for the reason after "not satisfied" before sending the answer without it. */
    @WithDefault("10m")
    Duration feedbackReasonWait();

    /** How often the conversation timers run (see ConversationTimers). */
    @WithDefault("30s")
    Duration timersInterval();

    /** How long handled message ids are remembered (longer than WhatsApp keeps redelivering: 7 days). */
    @WithDefault("P14D")
    Duration rememberMessagesFor();

    /** New grievances per citizen, against habitual flooding. */
    interface Limits {
        @WithDefault("3")
        int perDay();

        @WithDefault("15")
        int perMonth();
    }
}
