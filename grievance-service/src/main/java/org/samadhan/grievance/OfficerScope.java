package org.samadhan.grievance;

import org.samadhan.grievance.workflow.Role;

/**
 * What one signed-in official may see and act on, from their token: the collector the whole district, a department
 * head their department, a block officer their department in their block. Anything outside it does not exist for
 * them (404), so neither messages nor counts leak it.
 */
public record OfficerScope(String userId, Role role, String department, String block) {

    public boolean covers(String grievanceDepartment, String grievanceBlock) {
        return switch (role) {
            case COLLECTOR -> true;
            case DEPARTMENT_HEAD -> department != null && department.equals(grievanceDepartment);
            case OFFICER -> department != null && block != null && department.equals(grievanceDepartment)
                    && block.equalsIgnoreCase(grievanceBlock);
            default -> false;
        };
    }
}
