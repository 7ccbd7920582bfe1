package org.samadhan.analytics;

import java.util.Locale;

/** How review rows are cut: per department, per department and block, or per official. */
public enum GroupBy {
    DEPARTMENT, BLOCK, OFFICER;

    public static GroupBy parse(String value) {
        if (value == null || value.isBlank()) {
            return DEPARTMENT;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("groupBy", "groupBy must be department, block or officer");
        }
    }

    public boolean byBlock() {
        return this != DEPARTMENT;
    }

    public boolean byOfficer() {
        return this == OFFICER;
    }
}
