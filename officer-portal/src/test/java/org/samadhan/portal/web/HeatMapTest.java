package org.samadhan.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The heat map's shades: none for an empty cell, the darkest for the largest, a legend that says which is which. */
class HeatMapTest {

    @Test
    void levelsRiseInQuartersOfTheLargestCell() {
        assertEquals(0, HeatMap.level(0, 40));
        assertEquals(1, HeatMap.level(1, 40));
        assertEquals(1, HeatMap.level(10, 40));
        assertEquals(2, HeatMap.level(11, 40));
        assertEquals(3, HeatMap.level(30, 40));
        assertEquals(4, HeatMap.level(31, 40));
        assertEquals(4, HeatMap.level(40, 40));
        assertEquals(0, HeatMap.level(0, 0), "an empty map is all blank");
    }

    @Test
    void theLegendGivesEachShadesCountsWithoutGapsOrOverlaps() {
        assertEquals(List.of(new HeatMap.Shade(0, 0, 0), new HeatMap.Shade(1, 1, 10), new HeatMap.Shade(2, 11, 20),
                new HeatMap.Shade(3, 21, 30), new HeatMap.Shade(4, 31, 40)), HeatMap.legend(40));
        // With 2 at most, a single grievance is already half the largest: shades 1 and 3 stand for no count.
        assertEquals(List.of(new HeatMap.Shade(0, 0, 0), new HeatMap.Shade(2, 1, 1), new HeatMap.Shade(4, 2, 2)),
                HeatMap.legend(2));
        for (long largest = 1; largest <= 60; largest++) {
            for (long count = 1; count <= largest; count++) {
                int level = HeatMap.level(count, largest);
                long c = count;
                long matching = HeatMap.legend(largest).stream()
                        .filter(s -> s.level() == level && s.from() <= c && c <= s.to()).count();
                assertEquals(1, matching, count + " of " + largest);
            }
        }
    }

    @Test
    void linesKeepTheBucketsInOrderAndTheirTotal() {
        HeatMap map = HeatMap.of(List.of(
                Map.entry("Public Health Engineering", Map.of("0-7", 19L, "8-21", 4L, "over-50", 1L)),
                Map.entry("Electricity (CSPDCL)", Map.of("0-7", 2L))));
        var phe = map.lines().get(0);
        assertEquals(List.of("0-7", "8-21", "22-50", "over-50"),
                phe.cells().stream().map(HeatMap.Cell::bucket).toList());
        assertEquals(List.of("heat-4", "heat-1", "heat-0", "heat-1"),
                phe.cells().stream().map(HeatMap.Cell::css).toList());
        assertEquals(24, phe.total());
        assertEquals(19, map.largest());
    }
}
