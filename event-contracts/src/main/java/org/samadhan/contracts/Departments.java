package org.samadhan.contracts;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The canonical department codes of the district ({@code reference/departments.md}); the command schema's
 * {@code departmentCode} enum is the same list (checked by a test). DISTRICT_CELL is the collector's grievance cell.
 */
public final class Departments {

    public static final String DISTRICT_CELL = "DISTRICT_CELL";

    public static final List<String> CODES = List.of("REVENUE", "PHE", "ELECTRICITY", "PWD", "PANCHAYAT", "URBAN",
            "FOOD", "HEALTH", "EDUCATION", "WCD", "SOCIAL_WELFARE", "AGRICULTURE", "COOPERATIVE", "POLICE", "FOREST",
            "LABOUR", "TRIBAL", DISTRICT_CELL);

    private Departments() {
    }

    public static boolean isKnown(String code) {
        return code != null && CODES.contains(code);
    }

    /**
     * The department's name as citizens read it, in Hindi ("hi") or English (any other language); an unknown code is
     * shown as it is. Bundles {@code messages/departments_<language>.properties}.
     */
    public static String displayName(String code, String language) {
        if (code == null) {
            return "";
        }
        ResourceBundle names = ResourceBundle.getBundle("messages.departments",
                Locale.forLanguageTag("hi".equals(language) ? "hi" : "en"));
        return names.containsKey(code) ? names.getString(code) : code;
    }
}
