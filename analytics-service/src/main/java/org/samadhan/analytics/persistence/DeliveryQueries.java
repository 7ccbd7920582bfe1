package org.samadhan.analytics.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.samadhan.analytics.Selection;

/** Delivery health of a period: messages (not events) that reached each state, failures by WhatsApp's code. */
public final class DeliveryQueries {

    /** One audience's messages: citizens' or officials'. */
    public record Health(long sent, long delivered, long read, long failed, long dead,
                         Map<String, Long> failedByCode, long templateFallbacks) {
    }

    private DeliveryQueries() {
    }

    /**
     * For a caller below the collector, only messages about grievances now held in their scope; the collector also
     * sees replies that belong to no grievance.
     */
    public static Map<String, Health> health(Connection c, String district, Instant from, Instant to,
                                             Selection selection) throws SQLException {
        Selection.Sql where = selection.sql("department_code", "block", "officer_id");
        String scoped = where.conditions().isEmpty() ? ""
                : " and grievance_id in (select grievance_id from grievance_event where valid_to is null"
                + where.conditions() + ")";
        String sql = """
                select audience, state, coalesce(error_code::text, 'none'), count(distinct outbound_id),
                    count(distinct outbound_id) filter (where template)
                from delivery_event where district_code = ? and occurred_at >= ? and occurred_at < ?""" + scoped
                + " group by 1, 2, 3";
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, Map<String, Long>> failures = new TreeMap<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            s.setString(i++, district);
            s.setTimestamp(i++, Timestamp.from(from));
            s.setTimestamp(i++, Timestamp.from(to));
            for (Object parameter : where.parameters()) {
                s.setObject(i++, parameter);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    long[] c5 = counts.computeIfAbsent(r.getString(1), k -> new long[6]);
                    long n = r.getLong(4);
                    switch (r.getString(2)) {
                        case "sent" -> {
                            c5[0] += n;
                            c5[5] += r.getLong(5);
                        }
                        case "delivered" -> c5[1] += n;
                        case "read" -> c5[2] += n;
                        case "failed" -> c5[3] += n;
                        case "dead" -> c5[4] += n;
                        default -> { }
                    }
                    if (r.getString(2).equals("failed") || r.getString(2).equals("dead")) {
                        failures.computeIfAbsent(r.getString(1), k -> new TreeMap<>())
                                .merge(r.getString(3), n, Long::sum);
                    }
                }
            }
        }
        Map<String, Health> health = new TreeMap<>();
        for (String audience : new String[] {"citizen", "official"}) {
            long[] n = counts.getOrDefault(audience, new long[6]);
            health.put(audience, new Health(n[0], n[1], n[2], n[3], n[4],
                    failures.getOrDefault(audience, Map.of()), n[5]));
        }
        return health;
    }
}
