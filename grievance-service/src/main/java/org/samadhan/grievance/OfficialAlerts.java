package org.samadhan.grievance;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.samadhan.grievance.persistence.AlertQueries;
import org.samadhan.messaging.Transactions;

/**
 * An official's own alerts on the portal (the steps notification-service tells them of on WhatsApp) and their read
 * marks. Another official's alert, or an id that names none, is not found for the caller.
 */
@ApplicationScoped
public class OfficialAlerts {

    private final AgroalDataSource dataSource;
    private final Clock clock = Clock.systemUTC();

    public OfficialAlerts(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public AlertQueries.Page page(String official, boolean unreadOnly, int page, int size) throws SQLException {
        return Transactions.inTransaction(dataSource, c -> AlertQueries.page(c, official, unreadOnly, page, size));
    }

    /** Marks the alert read (again: nothing changes) and answers how many remain unread. */
    public long markRead(String official, String alertId) throws SQLException {
        Step step = Step.parse(alertId);
        return Transactions.inTransaction(dataSource, c -> {
            if (step == null || !AlertQueries.markRead(c, official, step.grievanceId(), step.version(),
                    Instant.now(clock))) {
                throw NotFound.alert(alertId);
            }
            return AlertQueries.unread(c, official);
        });
    }

    /** Marks everything unread now read; answers how many remain unread (0). */
    public long markAllRead(String official) throws SQLException {
        return Transactions.inTransaction(dataSource, c -> {
            AlertQueries.markAllRead(c, official, Instant.now(clock));
            return AlertQueries.unread(c, official);
        });
    }

    /** The history step an alert id names: {@code <grievance id>:<version>}. */
    private record Step(UUID grievanceId, long version) {

        static Step parse(String id) {
            int colon = id == null ? -1 : id.lastIndexOf(':');
            if (colon < 0) {
                return null;
            }
            try {
                return new Step(UUID.fromString(id.substring(0, colon)), Long.parseLong(id.substring(colon + 1)));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }
}
