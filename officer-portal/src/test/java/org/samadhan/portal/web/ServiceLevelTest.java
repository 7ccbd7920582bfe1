package org.samadhan.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Service levels as the collector reads and types them: days or hours, stored as ISO-8601 durations. */
class ServiceLevelTest {

    @Test
    void theSeedsServiceLevelsReadAsDaysAndTheUrgentOnesAsHours() {
        assertEquals(new ServiceLevel(21, ServiceLevel.Unit.DAYS), ServiceLevel.of("P21D"));
        assertEquals(new ServiceLevel(1, ServiceLevel.Unit.DAYS), ServiceLevel.of("P1D"));
        // Duration's own form of two days: still two days, not 48 hours.
        assertEquals(new ServiceLevel(2, ServiceLevel.Unit.DAYS), ServiceLevel.of("PT48H"));
        assertEquals(new ServiceLevel(12, ServiceLevel.Unit.HOURS), ServiceLevel.of("PT12H"));
        assertEquals(new ServiceLevel(36, ServiceLevel.Unit.HOURS), ServiceLevel.of("P1DT12H"));
    }

    @Test
    void aDurationWithMinutesIsRoundedUpToTheHourNeverShortened() {
        assertEquals(new ServiceLevel(2, ServiceLevel.Unit.HOURS), ServiceLevel.of("PT90M"));
    }

    @Test
    void whatTheCollectorTypesBecomesTheIsoFormInTheirUnit() {
        assertEquals("P7D", ServiceLevel.parse("7", "days").iso());
        assertEquals("PT12H", ServiceLevel.parse(" 12 ", "hours").iso());
        assertEquals("PT48H", ServiceLevel.parse("48", "HOURS").iso());
        assertEquals(Duration.ofHours(48), Duration.parse(ServiceLevel.parse("48", "hours").iso()));
        assertEquals(Duration.ofDays(365), ServiceLevel.parse("365", "days").duration());
    }

    @Test
    void readingThenWritingGivesBackTheSameDuration() {
        for (String iso : new String[] {"P21D", "P15D", "P7D", "P3D", "P2D", "P1D", "PT12H", "PT36H", "PT1H"}) {
            ServiceLevel read = ServiceLevel.of(iso);
            assertEquals(Duration.parse(iso),
                    Duration.parse(ServiceLevel.parse(Long.toString(read.amount()), read.unit().param()).iso()), iso);
        }
    }

    @Test
    void nothingButAWholeNumberFromOneHourToAYearIsAccepted() {
        for (String[] typed : new String[][] {{"0", "days"}, {"-3", "days"}, {"1.5", "days"}, {"", "hours"},
                {"seven", "days"}, {"7", "weeks"}, {"7", null}, {"366", "days"}, {"8761", "hours"}, {null, "days"}}) {
            assertThrows(IllegalArgumentException.class, () -> ServiceLevel.parse(typed[0], typed[1]),
                    String.join(" ", String.valueOf(typed[0]), String.valueOf(typed[1])));
        }
    }

    @Test
    void aServiceLevelIsShownAsDaysAndTheHoursBeyondThem() {
        assertEquals(new ServiceLevel.Span(21, 0, 0), ServiceLevel.span("P21D"));
        assertEquals(new ServiceLevel.Span(1, 12, 0), ServiceLevel.span("PT36H"));
        assertEquals(new ServiceLevel.Span(0, 12, 0), ServiceLevel.span("PT12H"));
        assertEquals(new ServiceLevel.Span(0, 0, 45), ServiceLevel.span("PT45M"));
    }
}
