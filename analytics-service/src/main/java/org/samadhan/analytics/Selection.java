package org.samadhan.analytics;

import java.util.ArrayList;
import java.util.List;

/**
 * Which grievances' figures a request may and does ask for: the caller's scope (the collector the district, a
 * department head their department, a block officer their department in their block) and the request's filters.
 * Both apply, so a filter outside the caller's scope selects nothing, as grievance-service answers such a list.
 */
public record Selection(Reviewer reviewer, String department, String block, String officer) {

    /** The signed-in official: their highest role and the department and block claims of their token. */
    public record Reviewer(Role role, String department, String block) {
    }

    /** The roles of grievance-service's officers' API, highest first. */
    public enum Role { COLLECTOR, DEPARTMENT_HEAD, OFFICER }

    /** SQL conditions (each starting with " and ") on the given columns, and their parameters in order. */
    public record Sql(String conditions, List<Object> parameters) {
    }

    /** Conditions for the columns that say whom an event is charged to, or who holds a grievance in a state. */
    public Sql sql(String departmentColumn, String blockColumn, String officerColumn) {
        StringBuilder where = new StringBuilder();
        List<Object> parameters = new ArrayList<>();
        switch (reviewer.role()) {
            case COLLECTOR -> { }
            case DEPARTMENT_HEAD -> equal(where, parameters, departmentColumn, reviewer.department());
            case OFFICER -> {
                equal(where, parameters, departmentColumn, reviewer.department());
                equalIgnoringCase(where, parameters, blockColumn, reviewer.block());
            }
        }
        if (department != null) {
            equal(where, parameters, departmentColumn, department);
        }
        if (block != null) {
            equalIgnoringCase(where, parameters, blockColumn, block);
        }
        if (officer != null) {
            equal(where, parameters, officerColumn, officer);
        }
        return new Sql(where.toString(), parameters);
    }

    /** A missing claim matches nothing: an official without a department sees no figures. */
    private static void equal(StringBuilder where, List<Object> parameters, String column, String value) {
        if (value == null) {
            where.append(" and false");
            return;
        }
        where.append(" and ").append(column).append(" = ?");
        parameters.add(value);
    }

    private static void equalIgnoringCase(StringBuilder where, List<Object> parameters, String column, String value) {
        if (value == null) {
            where.append(" and false");
            return;
        }
        where.append(" and lower(").append(column).append(") = lower(?)");
        parameters.add(value);
    }
}
