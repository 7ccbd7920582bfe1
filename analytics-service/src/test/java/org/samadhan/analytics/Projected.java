package org.samadhan.analytics;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/** Waits for the live consumer to have projected a test's events. */
public final class Projected {

    private Projected() {
    }

    /** Until {@code count} events of these grievances are stored (30 s at most), then half a second more. */
    public static void await(DataSource dataSource, List<String> grievanceIds, int count) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        int seen = 0;
        while (Instant.now().isBefore(deadline)) {
            try (var c = dataSource.getConnection(); var s = c.prepareStatement(
                    "select count(*) from grievance_event where grievance_id = any(?::uuid[])")) {
                s.setArray(1, c.createArrayOf("text", grievanceIds.toArray()));
                try (var r = s.executeQuery()) {
                    r.next();
                    seen = r.getInt(1);
                }
            }
            if (seen >= count) {
                Thread.sleep(500); // and nothing more arrives
                return;
            }
            Thread.sleep(100);
        }
        fail("projected " + seen + " of " + count + " events in 30 s");
    }
}
