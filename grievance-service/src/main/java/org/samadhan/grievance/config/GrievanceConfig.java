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

    /** Reminders and escalation. */
    Deadlines deadlines();

    interface Deadlines {
        /** How long before its deadline the assignee is reminded (once per deadline). */
        @WithDefault("PT12H")
        Duration remindBefore();

        /** How often every instance checks deadlines (used by DeadlineWatch's schedule). */
        @WithDefault("30s")
        String checkInterval();

        /** Most grievances acted on per check and kind, per transaction. */
        @WithDefault("100")
        int batchSize();
    }

    /** Idempotency records of consumed commands. */
    Commands commands();

    interface Commands {
        /**
         * How long a processed command id is kept: longer than {@code grievance.commands.v1} keeps records (30 days),
         * so a command can never be redelivered after its id was forgotten.
         */
        @WithDefault("P35D")
        Duration processedRetention();

        /** How often old command ids are purged. */
        @WithDefault("1h")
        String purgeInterval();
    }

    /** The citizen's answer to "was it fixed?". */
    Feedback feedback();

    interface Feedback {
        /** Without an answer in this time a resolved grievance closes as unverified. */
        @WithDefault("P7D")
        Duration window();
    }
}
