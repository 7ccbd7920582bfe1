package org.samadhan.contracts.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.samadhan.contracts.SchemaValidation;
import org.samadhan.contracts.Topics;

/** What routing-service publishes about the directory validates against the schema, and ladders read as intended. */
class DirectoryContractTest {

    private static final DistrictDirectory.Department PHE = new DistrictDirectory.Department("PHE",
            Map.of("hi", "लोक स्वास्थ्य यांत्रिकी", "en", "Public Health Engineering"), "P3D",
            Map.of("Gurur", "phe-gurur", "Balod", "phe-balod"), List.of("phe-head", "collector"),
            List.of("हैंडपंप handpump"));
    private static final DistrictDirectory DIRECTORY = new DistrictDirectory("BLD", List.of("Balod", "Gurur"), 0.4,
            "P3D", List.of(PHE), List.of(
                    new DistrictDirectory.Official("phe-gurur", "PHE officer Gurur", "OFFICER", "PHE", "Gurur",
                            "917000100001", "hi"),
                    new DistrictDirectory.Official("phe-head", "PHE head", "DEPARTMENT_HEAD", "PHE", null,
                            "917000100002", "en"),
                    new DistrictDirectory.Official("collector", "Collector", "COLLECTOR", null, null,
                            "917000100003", "en")));

    @Test
    void aPublishedDirectoryValidatesAndItsEventIdRepeatsForTheSameVersion() throws IOException {
        var event = DirectoryEvent.of(7, "collector", Instant.parse("2026-12-01T06:00:00Z"), DIRECTORY);
        assertEquals(Set.of(), SchemaValidation.validate(Topics.ROUTING_DIRECTORY, event));
        assertEquals(event.eventId(), DirectoryEvent.of(7, "someone", Instant.now(), DIRECTORY).eventId());
        assertFalse(event.eventId().equals(DirectoryEvent.of(8, "collector", Instant.now(), DIRECTORY).eventId()));
        assertEquals(event, event.requireComplete());
        var withoutOfficials = DirectoryEvent.of(9, "collector", Instant.now(), new DistrictDirectory("BLD",
                DIRECTORY.blocks(), 0.4, "P3D", DIRECTORY.departments(), null));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                withoutOfficials::requireComplete, "readers refuse a directory they cannot use");
    }

    @Test
    void theLadderIsTheBlockOfficerThenTheDepartmentHeadThenTheCollector() {
        assertEquals(List.of("phe-gurur", "phe-head", "collector"),
                List.of(PHE.holder("Gurur", 1), PHE.holder("Gurur", 2), PHE.holder("Gurur", 3)));
        assertEquals("phe-gurur", PHE.holder(" gurur ", 1), "blocks match as citizens write them");
        assertEquals("phe-head", PHE.holder(null, 1), "an unknown block starts with the department head");
        assertEquals(Duration.ofDays(3), DIRECTORY.serviceLevel("PHE").orElseThrow());
        assertEquals("917000100002", DIRECTORY.official("phe-head").orElseThrow().whatsapp());
    }

    @Test
    void aLadderWithOneLevelAboveTheBlockKeepsItsTopForLevelThree() {
        var cell = new DistrictDirectory.Department("DISTRICT_CELL", Map.of(), "P3D",
                Map.of("Gurur", "district-cell"), List.of("collector"), List.of());
        assertEquals(List.of("district-cell", "collector", "collector"),
                List.of(cell.holder("Gurur", 1), cell.holder("Gurur", 2), cell.holder("Gurur", 3)));
    }
}
