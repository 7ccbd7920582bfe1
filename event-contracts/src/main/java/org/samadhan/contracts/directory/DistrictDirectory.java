package org.samadhan.contracts.directory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A district's department directory, as the collector edits it in routing-service: blocks, the officials with their
 * WhatsApp numbers, and per department its names, service level, block officers, the escalation ladder above them and
 * the vocabulary citizens use for it. Published on {@code routing.directory.v1} so that every service reads the same
 * service levels and ladders.
 *
 * @param escalatedServiceLevel the time each higher level gets after an escalation or a citizen's "not satisfied"
 */
public record DistrictDirectory(String district, List<String> blocks, double autoRouteThreshold,
                                String escalatedServiceLevel, List<Department> departments,
                                List<Official> officials) {

    /** Levels of every ladder: 1 block officer, 2 district head of the department, 3 collector / district cell. */
    public static final int LEVELS = 3;

    /**
     * One department.
     *
     * @param officers              the level-1 official per block
     * @param escalation            the officials of levels 2 and 3, in order
     * @param escalatedServiceLevel the time each higher level gets in this department; null: the district's
     */
    public record Department(String code, Map<String, String> name, String serviceLevel, Map<String, String> officers,
                             List<String> escalation, List<String> vocabulary, String escalatedServiceLevel) {

        /** A department whose higher levels get the district's escalated service level. */
        public Department(String code, Map<String, String> name, String serviceLevel, Map<String, String> officers,
                          List<String> escalation, List<String> vocabulary) {
            this(code, name, serviceLevel, officers, escalation, vocabulary, null);
        }

        /** Who holds a grievance of this department in {@code block} at {@code level} (1 to 3). */
        public String holder(String block, int level) {
            if (level <= 1) {
                return officers.entrySet().stream()
                        .filter(e -> block != null && e.getKey().equalsIgnoreCase(block.strip()))
                        .map(Map.Entry::getValue).findFirst()
                        .orElse(escalation.isEmpty() ? null : escalation.get(0));
            }
            return escalation.isEmpty() ? null : escalation.get(Math.min(level - 2, escalation.size() - 1));
        }
    }

    /**
     * An official who can hold grievances.
     *
     * @param role     {@code OFFICER}, {@code DEPARTMENT_HEAD} or {@code COLLECTOR} (the district cell works as the
     *                 collector's office)
     * @param whatsapp the official's WhatsApp number (digits with country code), for alerts; officials are not
     *                 citizens, and this topic is internal
     * @param language {@code hi} or {@code en}, for alerts
     */
    public record Official(String id, String name, String role, String departmentCode, String block, String whatsapp,
                           String language) {
    }

    public Optional<Department> department(String code) {
        return departments.stream().filter(d -> d.code().equals(code)).findFirst();
    }

    public Optional<Official> official(String id) {
        return officials == null || id == null ? Optional.empty()
                : officials.stream().filter(o -> o.id().equals(id)).findFirst();
    }

    /** The department's service level: how long level 1 has from assignment to resolution. */
    public Optional<Duration> serviceLevel(String code) {
        return department(code).map(d -> Duration.parse(d.serviceLevel()));
    }

    /** The time a higher level of {@code department} gets: its own escalated service level, or the district's. */
    public Duration escalatedDuration(Department department) {
        return Duration.parse(department.escalatedServiceLevel() != null ? department.escalatedServiceLevel()
                : escalatedServiceLevel);
    }
}
