package org.samadhan.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DepartmentsTest {

    @Test
    void everyDepartmentHasAHindiAndAnEnglishName() {
        for (String code : Departments.CODES) {
            String hindi = Departments.displayName(code, "hi");
            String english = Departments.displayName(code, "en");
            assertTrue(hindi.codePoints().anyMatch(c -> c >= 0x0900 && c <= 0x097F), code + " in Hindi: " + hindi);
            assertNotEquals(code, english, code + " has no English name");
        }
        assertEquals("Electricity Department (CSPDCL)", Departments.displayName("ELECTRICITY", "en"));
        assertEquals("XYZ", Departments.displayName("XYZ", "hi"), "unknown codes are shown as they are");
    }
}
