package org.samadhan.routing.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** routing-service settings ({@code routing.*} in application.properties). */
@ConfigMapping(prefix = "routing")
public interface RoutingConfig {

    /** Source attribute of the CloudEvents this service emits. */
    @WithDefault("/samadhan/routing-service")
    String eventSource();

    /** Longest complaint text the classify endpoint accepts (WhatsApp's text limit is 4096). */
    @WithDefault("5000")
    int maxTextLength();

    /** Classify requests per client address per minute (the endpoint needs no token). */
    @WithDefault("120")
    int classifyPerMinute();

    /** How often an instance checks for a directory edited through another instance. */
    @WithDefault("30s")
    Duration directoryRefresh();

    /** Whether officers' corrections (transfers) are learnt from. */
    @WithDefault("true")
    boolean learnFromCorrections();
}
