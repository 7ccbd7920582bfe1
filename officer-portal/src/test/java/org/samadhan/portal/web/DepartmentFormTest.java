package org.samadhan.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.samadhan.contracts.directory.DistrictDirectory;

/** A department read into the edit form and written back: what the collector did not change stays as it was. */
class DepartmentFormTest {

    static final List<String> VOCABULARY = List.of("छात्रावास आश्रम शाला अधीक्षक छात्रवृत्ति",
            "chhatravas hostel ashram shala", "tribal hostel ashram school warden post-matric scholarship");
    static final DistrictDirectory.Department TRIBAL = new DistrictDirectory.Department("TRIBAL",
            Map.of("hi", "आदिम जाति कल्याण", "en", "Tribal Welfare"), "P15D",
            Map.of("Balod", "tribal-balod", "Gurur", "tribal-gurur"), List.of("tribal-head", "collector"), VOCABULARY,
            "P5D");
    static final DistrictDirectory DIRECTORY = new DistrictDirectory("BLD", List.of("Balod", "Gurur"), 0.4, "P3D",
            List.of(TRIBAL), List.of());

    @Test
    void anUntouchedFormWritesBackTheSameDepartment() {
        DepartmentEditPage.Form form = DepartmentEditPage.form(7, TRIBAL, DIRECTORY);
        assertEquals("15", form.amount());
        assertEquals("days", form.unit());
        assertEquals(7, form.version());
        var written = DepartmentEditPage.department(form, ServiceLevel.parse(form.amount(), form.unit()));
        assertEquals(TRIBAL, written);
    }

    @Test
    void vocabularyEntriesAreSeparatedByCommasAndKeepTheirWords() {
        String text = DepartmentEditPage.vocabularyText(VOCABULARY);
        assertEquals(VOCABULARY, DepartmentEditPage.vocabulary(text));
        assertEquals(List.of("छात्रावास आश्रम", "hostel warden", "ashramshala"),
                DepartmentEditPage.vocabulary(" छात्रावास\r\n आश्रम ,hostel   warden,, ,ashramshala,\n"));
        assertEquals(List.of(), DepartmentEditPage.vocabulary(""));
    }

    @Test
    void anEmptyLevelThreeLeavesALadderOfOne() {
        var form = DepartmentEditPage.form(7, TRIBAL, DIRECTORY);
        var one = new DepartmentEditPage.Form(7, "TRIBAL", form.nameHi(), form.nameEn(), "36", "hours",
                form.officers(), "tribal-head", "", form.vocabulary(), "");
        var written = DepartmentEditPage.department(one, ServiceLevel.parse("36", "hours"));
        assertEquals(List.of("tribal-head"), written.escalation());
        assertEquals("PT36H", written.serviceLevel());
        assertNull(written.escalatedServiceLevel(), "empty: the district's escalated service level");
    }
}
