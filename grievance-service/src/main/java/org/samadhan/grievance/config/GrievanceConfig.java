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

    /** Reminders and escalation. */
    Deadlines deadlines();

    interface Deadlines {
        /** How long before its deadline the assignee is reminded (once per deadline). */
        @WithDefault("PT12H")
        Duration remindBefore();

        /** The time each higher level gets after an escalation or a citizen's "not satisfied". */
        @WithDefault("P3D")
        Duration escalatedDuration();

        /** How often every instance checks deadlines (used by DeadlineWatch's schedule). */
        @WithDefault("30s")
        String checkInterval();

        /** Most grievances acted on per check and kind, per transaction. */
        @WithDefault("100")
        int batchSize();
    }

    /** The citizen's answer to "was it fixed?". */
    Feedback feedback();

    interface Feedback {
        /** Without an answer in this time a resolved grievance closes as unverified. */
        @WithDefault("P7D")
        Duration window();
    }
}
