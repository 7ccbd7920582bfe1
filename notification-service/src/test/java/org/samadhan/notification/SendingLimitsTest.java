package org.samadhan.notification;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Test;

/** The limiter on a simulated clock: never more than the limit in any second of arrivals, and close to it. */
class SendingLimitsTest {

    private static final long MS = 1_000_000;
    private static final int SECONDS = 60;

    @Test
    void anyOneSecondHoldsAtMostTheLimitAndStartsAreSpread() {
        List<Long> starts = send(i -> 15 * MS); // a quiet local network
        assertTrue(most(starts, 1_000 * MS) <= 80, "at most 80 in any second, was " + most(starts, 1_000 * MS));
        assertTrue(most(starts, 100 * MS) <= 16, "no more than a tenth of a second's catch-up at once, was "
                + most(starts, 100 * MS));
        double rate = starts.size() / (double) SECONDS;
        assertTrue(rate >= 78.4 && rate <= 80, "within 2 % of 80/s with 15 ms answers, was " + rate);
    }

    @Test
    void aSlowAnswerDelaysItsOwnSlotNotEveryStartAfterIt() {
        // 5 ms answers, but every 20th takes 150 ms (a busy core, a garbage collection)
        List<Long> starts = send(i -> i % 20 == 19 ? 150 * MS : 5 * MS);
        assertTrue(most(starts, 1_000 * MS) <= 80, "at most 80 in any second, was " + most(starts, 1_000 * MS));
        double rate = starts.size() / (double) SECONDS;
        // 80 / (1.002 s + 5 ms) = 79.4/s if slow answers cost nothing; a strict even grid loses them all (78.5/s)
        assertTrue(rate >= 78.8, "slow answers cost at most their own slot, was " + rate);
    }

    /** Sends to 500 citizens in turn on a simulated clock; send i is answered after answerTime(i). */
    private static List<Long> send(LongUnaryOperator answerTime) {
        var limits = new SendingLimits(80, 1_000, Duration.ofSeconds(6));
        List<Long> starts = new ArrayList<>();
        List<Long> answers = new ArrayList<>(); // when each send in flight is answered
        for (long now = 0; now < SECONDS * 1_000 * MS; now += MS / 4) {
            for (var it = answers.iterator(); it.hasNext(); ) {
                long answeredAt = it.next();
                if (answeredAt <= now) {
                    limits.answered(answeredAt);
                    it.remove();
                }
            }
            while (limits.acquire("91990000" + (starts.size() % 500), now).granted()) {
                answers.add(now + answerTime.applyAsLong(starts.size()));
                starts.add(now);
            }
        }
        return starts;
    }

    /** The most starts within any span of this length. */
    private static int most(List<Long> starts, long span) {
        int most = 0;
        for (int i = 0, j = 0; i < starts.size(); i++) {
            while (j < starts.size() && starts.get(j) - starts.get(i) < span) {
                j++;
            }
            most = Math.max(most, j - i);
        }
        return most;
    }
}
