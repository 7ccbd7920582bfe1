package org.samadhan.grievance.workflow;

/**
 * Who acts. Officers, department heads and the collector come from OIDC roles; SYSTEM is the service itself. An
 * official's {@code level} is their rung on the escalation ladder (1 block officer, 2 department head, 3 collector);
 * the citizen and the system stand outside it (0).
 */
public enum Role {
    CITIZEN(0, "citizen"), OFFICER(1, "block officer"), DEPARTMENT_HEAD(2, "department head"),
    COLLECTOR(3, "collector"), SYSTEM(0, "system");

    private final int level;
    private final String title;

    Role(int level, String title) {
        this.level = level;
        this.title = title;
    }

    public int level() {
        return level;
    }

    /** How the role is named to people, e.g. "department head". */
    public String title() {
        return title;
    }

    /** The official who holds a grievance at {@code level} of the ladder. */
    public static Role atLevel(int level) {
        return level >= 3 ? COLLECTOR : level == 2 ? DEPARTMENT_HEAD : OFFICER;
    }
}
