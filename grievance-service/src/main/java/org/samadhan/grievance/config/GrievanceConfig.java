package org.samadhan.grievance.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the grievance service. */
@ConfigMapping(prefix = "grievance")
public interface GrievanceConfig {

    /** Source attribute of the CloudEvents this service emits. */
    @WithDefault("/samadhan/grievance-service")
    String eventSource();

    /** The transactional outbox relay. */
    Outbox outbox();

    interface Outbox {
        /** Most records sent per relay round. */
        @WithDefault("500")
        int batchSize();

        /** How long a round waits for Kafka's acknowledgements before it is retried. */
        @WithDefault("5s")
        Duration ackTimeout();
    }
}
