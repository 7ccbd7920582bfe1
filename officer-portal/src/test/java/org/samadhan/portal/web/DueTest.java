package org.samadhan.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The worklist's countdown, as officers read it: amber within 12 hours of the deadline, red once it has passed. */
class DueTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void theCountdownTurnsAmberWithinTwelveHoursAndRedAtTheDeadline() {
        // hours before the deadline -> the state the official sees
        Object[][] table = {
                {72.0, "ON_TIME"}, {12.5, "ON_TIME"}, {12.0, "SOON"}, {0.1, "SOON"}, {0.0, "OVERDUE"},
                {-0.5, "OVERDUE"}, {-49.0, "OVERDUE"},
        };
        List<String> wrong = new ArrayList<>();
        for (Object[] row : table) {
            Instant due = NOW.plus(Duration.ofMinutes(Math.round((double) row[0] * 60)));
            String state = Due.of(due, true, NOW).state().name();
            if (!state.equals(row[1])) {
                wrong.add(row[0] + " h: " + state + " instead of " + row[1]);
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void daysHoursAndMinutesAreWhatIsLeftOrHowLateItIs() {
        assertEquals(new Due(Due.State.ON_TIME, 2, 3, 15), Due.of(NOW.plus(Duration.parse("P2DT3H15M")), true, NOW));
        assertEquals(new Due(Due.State.OVERDUE, 0, 5, 30), Due.of(NOW.minus(Duration.parse("PT5H30M")), true, NOW));
    }

    @Test
    void aGrievanceAwaitingTheCitizenOrWithoutDeadlineHasNoCountdown() {
        assertEquals(Due.State.NONE, Due.of(NOW.minusSeconds(60), false, NOW).state());
        assertEquals(Due.State.NONE, Due.of(null, true, NOW).state());
    }
}
