package org.samadhan.grievance.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

/** Settings of the grievance service. */
@ConfigMapping(prefix = "grievance")
public interface GrievanceConfig {

    /** Source attribute of the CloudEvents this service emits. */
    @WithDefault("/samadhan/grievance-service")
    String eventSource();

    /** Service levels: how long a department has from assignment to resolution. */
    Sla sla();

    interface Sla {
        /** For departments without their own entry (CPGRAMS-like norms are weeks; urgent departments get hours). */
        @WithDefault("P7D")
        Duration defaultDuration();

        /** Per department code, e.g. {@code grievance.sla.departments.ELECTRICITY=PT48H}. */
        Map<String, Duration> departments();
    }

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
