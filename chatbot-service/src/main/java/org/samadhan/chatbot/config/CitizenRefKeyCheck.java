package org.samadhan.chatbot.config;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.Set;
import org.samadhan.contracts.CitizenRefs;

/**
 * Stops start-up when {@code CITIZEN_REF_KEY} cannot be used: otherwise every message would fail on it and be
 * dead-lettered. Quarkus prints a {@link ConfigurationException}'s message alone (never the key) and exits.
 */
@ApplicationScoped
public class CitizenRefKeyCheck {

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent started, ChatbotConfig config) {
        check(config.citizenRefKey());
    }

    static void check(String key) {
        try {
            CitizenRefs.checkKey(key);
        } catch (IllegalArgumentException unusable) {
            throw new ConfigurationException("chatbot-service cannot start: " + unusable.getMessage(),
                    Set.of("chatbot.citizen-ref-key"));
        }
    }
}
