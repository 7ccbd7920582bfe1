package org.samadhan.analytics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.samadhan.contracts.notification.DeliveryOutcome;

/**
 * Counters of what was projected, labelled only by bounded values (district, department, action, state, WhatsApp's
 * error code), never by a grievance, citizen or official; and how long an event took to reach the figures.
 */
@ApplicationScoped
public class ProjectionMetrics {

    private final MeterRegistry registry;
    private final Timer delay;

    public ProjectionMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.delay = Timer.builder("samadhan.analytics.projection.delay")
                .description("From an event's occurredAt to its projection into the review figures")
                .serviceLevelObjectives(Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
                        Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(30))
                .register(registry);
    }

    public void grievanceEvent(GrievanceProjection.Projected p, Instant projectedAt) {
        String department = p.chargedDepartment() == null ? "none" : p.chargedDepartment();
        registry.counter("samadhan.grievance.events", "district", p.event().districtCode(), "department", department,
                "action", p.event().action()).increment();
        if (p.onTime() != null) {
            registry.counter("samadhan.grievance.resolutions", "district", p.event().districtCode(),
                    "department", department, "on_time", p.onTime().toString()).increment();
        }
        delay.record(Duration.between(p.event().occurredAt(), projectedAt).abs());
    }

    public void delivery(DeliveryOutcome d) {
        registry.counter("samadhan.whatsapp.deliveries", "district", d.districtCode(),
                "audience", DeliveryProjection.audience(d), "state", DeliveryProjection.state(d),
                "error_code", d.errorCode() == null ? "none" : d.errorCode().toString(),
                "template", Boolean.toString(d.template())).increment();
    }
}
