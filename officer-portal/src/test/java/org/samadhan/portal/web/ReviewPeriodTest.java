package org.samadhan.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The picker's periods are the district's (IST) days, whatever the clock's zone. */
class ReviewPeriodTest {

    /** Monday 30 November 2026, 20:00 UTC: already Tuesday 1 December, 01:30, in Balod. */
    static final Instant TUESDAY_EARLY_IN_IST = Instant.parse("2026-11-30T20:00:00Z");

    @Test
    void thisWeekRunsFromMondayToTodayInIst() {
        ReviewPeriod p = ReviewPeriod.of("this-week", null, null, TUESDAY_EARLY_IN_IST);
        assertEquals(LocalDate.parse("2026-11-30"), p.from());
        assertEquals(LocalDate.parse("2026-12-01"), p.to(), "UTC's Monday evening is IST's Tuesday");
        assertEquals("period=this-week", p.query());
    }

    @Test
    void lastWeekIsThePreviousMondayToSunday() {
        ReviewPeriod p = ReviewPeriod.of("last-week", null, null, TUESDAY_EARLY_IN_IST);
        assertEquals(LocalDate.parse("2026-11-23"), p.from());
        assertEquals(LocalDate.parse("2026-11-29"), p.to());
    }

    @Test
    void onAMondayThisWeekIsOneDay() {
        ReviewPeriod p = ReviewPeriod.of("this-week", null, null, Instant.parse("2026-11-30T03:00:00Z"));
        assertEquals(p.from(), p.to());
        assertEquals(LocalDate.parse("2026-11-30"), p.from());
    }

    @Test
    void thirtyDaysAndThisMonthEndToday() {
        ReviewPeriod thirty = ReviewPeriod.of("last-30-days", null, null, TUESDAY_EARLY_IN_IST);
        assertEquals(LocalDate.parse("2026-11-02"), thirty.from());
        assertEquals(LocalDate.parse("2026-12-01"), thirty.to());
        ReviewPeriod month = ReviewPeriod.of("this-month", null, null, TUESDAY_EARLY_IN_IST);
        assertEquals(LocalDate.parse("2026-12-01"), month.from());
        assertEquals(month.from(), month.to());
    }

    @Test
    void datesWinOverTheNamedRangeAndAnUnknownNameIsThisWeek() {
        ReviewPeriod p = ReviewPeriod.of("last-week", "2026-10-01", "2026-10-31", TUESDAY_EARLY_IN_IST);
        assertEquals(ReviewPeriod.Preset.CUSTOM, p.preset());
        assertEquals("from=2026-10-01&to=2026-10-31", p.query());
        assertEquals(ReviewPeriod.Preset.THIS_WEEK, ReviewPeriod.of("fortnight", null, null, TUESDAY_EARLY_IN_IST)
                .preset());
    }

    @Test
    void impossiblePeriodsNameTheirField() {
        assertEquals("from", assertThrows(ReviewPeriod.Invalid.class,
                () -> ReviewPeriod.of(null, "2026-12-05", "2026-12-01", TUESDAY_EARLY_IN_IST)).field);
        assertEquals("to", assertThrows(ReviewPeriod.Invalid.class,
                () -> ReviewPeriod.of(null, "2026-12-01", "1 Dec", TUESDAY_EARLY_IN_IST)).field);
        assertEquals("to", assertThrows(ReviewPeriod.Invalid.class,
                () -> ReviewPeriod.of(null, "2025-01-01", "2026-12-01", TUESDAY_EARLY_IN_IST)).field);
    }

    @Test
    void stocksLinkToTheWorklistOnlyWhileThePeriodReachesToday() {
        assertTrue(ReviewPeriod.of("this-week", null, null, TUESDAY_EARLY_IN_IST).endsToday(TUESDAY_EARLY_IN_IST));
        assertEquals(false, ReviewPeriod.of("last-week", null, null, TUESDAY_EARLY_IN_IST)
                .endsToday(TUESDAY_EARLY_IN_IST));
    }

    @Test
    void theTrendCoversEightMondayWeeksEndingWithThePeriod() {
        ReviewPeriod weeks = ReviewPeriod.of("this-week", null, null, TUESDAY_EARLY_IN_IST).trendWeeks();
        assertEquals(LocalDate.parse("2026-10-12"), weeks.from());
        assertEquals(LocalDate.parse("2026-12-01"), weeks.to());
    }
}
