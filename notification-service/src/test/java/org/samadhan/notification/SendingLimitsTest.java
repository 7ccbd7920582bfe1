package org.samadhan.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The limiter on a simulated clock: starts spaced evenly, and never more than the limit per second of arrivals. */
class SendingLimitsTest {

    private static final long MS = 1_000_000;

    @Test
    void startsAreSpacedEvenlyAndAnyOneSecondHoldsAtMostTheLimit() {
        var limits = new SendingLimits(80, 1_000, Duration.ofSeconds(6));
        List<Long> starts = new ArrayList<>();
        List<long[]> inFlight = new ArrayList<>(); // {answer at}
        long now = 0;
        int citizen = 0;
        while (now < 10_000 * MS) {
            // answers come back 15 ms after their start, as on a quiet local network
            for (var it = inFlight.iterator(); it.hasNext(); ) {
                long[] send = it.next();
                if (send[0] <= now) {
                    limits.answered(send[0]);
                    it.remove();
                }
            }
            var decision = limits.acquire("91990000" + (citizen % 500), now);
            if (decision.granted()) {
                starts.add(now);
                inFlight.add(new long[] {now + 15 * MS});
                citizen++;
            }
            now += MS / 4;
        }
        for (int i = 1; i < starts.size(); i++) {
            assertTrue(starts.get(i) - starts.get(i - 1) >= 12 * MS, "spaced: " + (starts.get(i) - starts.get(i - 1)));
        }
        int most = 0;
        for (int i = 0; i < starts.size(); i++) {
            int j = i;
            while (j < starts.size() && starts.get(j) - starts.get(i) < 1_000 * MS) {
                j++;
            }
            most = Math.max(most, j - i);
        }
        assertTrue(most <= 80, "at most 80 in any second, was " + most);
        double rate = starts.size() / 10.0;
        assertTrue(rate >= 78.4, "within 2 % of 80/s with 15 ms answers, was " + rate);
        assertEquals(true, rate <= 80);
    }
}
