package org.samadhan.analytics.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The review's settings ({@code analytics.*}). */
@ConfigMapping(prefix = "analytics")
public interface AnalyticsConfig {

    /** The district this deployment reviews (officials' tokens carry no district yet). */
    @WithDefault("BLD")
    String district();

    /** A rate or time over fewer observations than this is shown as "too few" and kept out of rankings. */
    @WithDefault("10")
    int minimumVolume();

    /** The longest period one review may cover, in days. */
    @WithDefault("400")
    int maxPeriodDays();

    /** A citizen who filed more than this many grievances in a month counts as a habitual complainant. */
    @WithDefault("3")
    int habitualThreshold();

    /** How often the open, overdue and ageing gauges on /q/metrics are recomputed (the scheduler reads it). */
    @WithDefault("15s")
    String metricsRefresh();

    /** How often the month's disputes, grades and rates on /q/metrics are recomputed (the scheduler reads it). */
    @WithDefault("5m")
    String ratesRefresh();

    /** Empty the projection and replay the topics when the service starts (env ANALYTICS_REBUILD_ON_START=true). */
    @WithDefault("false")
    boolean rebuildOnStart();
}
