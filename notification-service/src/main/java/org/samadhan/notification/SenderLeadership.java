package org.samadhan.notification;

import io.agroal.api.AgroalDataSource;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jboss.logging.Logger;

/**
 * One sender per business number across instances, so its throughput limit holds however many instances run: the
 * sender holds a PostgreSQL session advisory lock on a connection of its own; if that connection dies, so does the
 * lock, and another instance takes over.
 */
@ApplicationScoped
public class SenderLeadership {

    private static final Logger LOG = Logger.getLogger(SenderLeadership.class);
    private static final long LOCK = 0x5E4D_0001L;

    private final AgroalDataSource dataSource;
    private Connection held;

    public SenderLeadership(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** True while this instance holds the lock; tries to take it when free. */
    public synchronized boolean isLeader() {
        try {
            if (held != null && held.isValid(2)) {
                return true;
            }
            release();
            Connection c = dataSource.getConnection();
            try (PreparedStatement lock = c.prepareStatement("select pg_try_advisory_lock(?)")) {
                lock.setLong(1, LOCK);
                try (ResultSet r = lock.executeQuery()) {
                    if (r.next() && r.getBoolean(1)) {
                        held = c;
                        LOG.info("This instance now sends WhatsApp messages");
                        return true;
                    }
                }
            }
            c.close();
            return false;
        } catch (SQLException e) {
            LOG.warnf("Cannot check sender leadership: %s", e.getMessage());
            release();
            return false;
        }
    }

    @PreDestroy
    synchronized void release() {
        if (held != null) {
            // Pooled connections outlive close(): unlock explicitly so the lock does not stay with the pool.
            try (PreparedStatement unlock = held.prepareStatement("select pg_advisory_unlock(?)")) {
                unlock.setLong(1, LOCK);
                unlock.execute();
            } catch (SQLException gone) {
                // the session died, and its lock with it
            }
            try {
                held.close();
            } catch (SQLException ignored) {
                // nothing more to release
            }
            held = null;
        }
    }
}
