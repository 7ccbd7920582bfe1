package org.samadhan.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.samadhan.portal.client.AnalyticsApi;

/** The trend's geometry: bars to scale on a round axis, the rate line broken where a week had too few. */
class TrendChartTest {

    static AnalyticsApi.Point week(String monday, long received, long resolved, Double rate) {
        LocalDate from = LocalDate.parse(monday);
        return new AnalyticsApi.Point(from, from.plusDays(6), received, resolved, 0, 0, 0, 0, 0, 0, null, rate);
    }

    @Test
    void theCountAxisEndsOnARoundNumber() {
        assertEquals(4, TrendChart.niceCeiling(0));
        assertEquals(8, TrendChart.niceCeiling(7));
        assertEquals(20, TrendChart.niceCeiling(17));
        assertEquals(40, TrendChart.niceCeiling(33));
        assertEquals(200, TrendChart.niceCeiling(120));
    }

    @Test
    void barsAreToScaleAndTheRateLineSkipsWeeksWithTooFew() {
        TrendChart chart = TrendChart.of(List.of(week("2026-11-16", 20, 10, 0.5), week("2026-11-23", 40, 20, null),
                week("2026-11-30", 10, 40, 1.0)), Locale.ENGLISH);
        var plot = chart.bottom() - chart.top();
        assertEquals(plot / 2, chart.weeks().get(0).received().height(), 0.1);
        assertEquals(plot, chart.weeks().get(1).received().height(), 0.1);
        assertEquals(chart.bottom(), chart.weeks().get(2).resolved().y() + chart.weeks().get(2).resolved().height(),
                0.1);
        assertEquals(2, chart.rateLines().size(), "two pieces either side of the unrated week");
        assertNull(chart.weeks().get(1).rate());
        assertEquals("100.0 %", chart.weeks().get(2).rate());
        assertEquals(chart.top(), chart.weeks().get(2).rateY(), 0.1);
        assertEquals("16 Nov", chart.weeks().get(0).label());
        assertEquals("40", chart.counts().get(4).text());
    }
}
