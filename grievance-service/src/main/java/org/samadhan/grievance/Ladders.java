package org.samadhan.grievance;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.samadhan.contracts.directory.DistrictDirectory;
import org.samadhan.grievance.persistence.GrievanceRow;
import org.samadhan.grievance.workflow.Role;
import org.samadhan.grievance.workflow.TransitionRefused;
import org.samadhan.messaging.DirectoryCopy;

/**
 * Who holds a grievance at each level, and for how long, from the district's directory (the one the collector edits):
 * level 1 the department's officer for the block, 2 the department head, 3 the collector / district cell. The first
 * deadline comes from the department's service level, each higher level gets the department's escalated service level
 * (the district's when the department sets none).
 */
@ApplicationScoped
public class Ladders {

    /** Where a grievance is placed: its holder, level and deadline. */
    public record Placement(String officerId, int level, Instant dueAt) {
    }

    private final DirectoryCopy directory;

    public Ladders(DirectoryCopy directory) {
        this.directory = directory;
    }

    /** The deadline of a grievance assigned now, from {@code serviceLevel} (routing's) or else the directory's. */
    public Instant assignedDeadline(Connection c, String district, String department, String serviceLevel,
                                    Instant now) throws SQLException {
        if (serviceLevel != null) {
            try {
                return now.plus(Duration.parse(serviceLevel));
            } catch (DateTimeParseException e) {
                throw new TransitionRefused("serviceLevel " + serviceLevel + " is not an ISO-8601 duration");
            }
        }
        return now.plus(Duration.parse(department(c, district, department).serviceLevel()));
    }

    /** Level 1 of {@code department}'s ladder in {@code block}: where a transfer places a grievance. */
    public Placement first(Connection c, String district, String department, String block, Instant now)
            throws SQLException {
        DistrictDirectory.Department entry = department(c, district, department);
        return new Placement(entry.holder(block, 1), 1, now.plus(Duration.parse(entry.serviceLevel())));
    }

    /** One level above where {@code row} is, with that level's deadline; at the top it stays with the collector. */
    public Placement above(Connection c, GrievanceRow row, Instant now) throws SQLException {
        DistrictDirectory district = directory.of(c, row.districtCode());
        DistrictDirectory.Department entry = district.department(row.departmentCode())
                .orElseThrow(() -> new TransitionRefused("No department " + row.departmentCode() + " in the directory"));
        int level = Math.min(row.level() + 1, DistrictDirectory.LEVELS);
        String holder = entry.holder(row.block(), level);
        if (holder == null) {
            throw new TransitionRefused("The directory names no " + Role.atLevel(level).title() + " for "
                    + row.departmentCode());
        }
        return new Placement(holder, level, now.plus(district.escalatedDuration(entry)));
    }

    private DistrictDirectory.Department department(Connection c, String district, String code) throws SQLException {
        return directory.of(c, district).department(code)
                .orElseThrow(() -> new TransitionRefused("No department " + code + " in the directory"));
    }

    /** The directory entry of an official, for checks on reassignment. */
    public java.util.Optional<DistrictDirectory.Official> official(Connection c, String district, String id)
            throws SQLException {
        return directory.of(c, district).official(id);
    }
}
