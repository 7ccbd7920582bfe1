package org.samadhan.notification.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.samadhan.contracts.CitizenRefs;

/**
 * Refuses to start with settings that would make every message fail: without a usable {@code CITIZEN_REF_KEY} no
 * citizen reference or published id can be made, and each consumed message would be dead-lettered instead.
 */
@ApplicationScoped
public class StartupChecks {

    private final NotificationConfig config;

    public StartupChecks(NotificationConfig config) {
        this.config = config;
    }

    /** Before anything else observes start-up (the consumers and the sender start there too). */
    void check(@Observes @Priority(0) StartupEvent started) {
        CitizenRefs.checkKey(config.citizenRefKey());
    }
}
