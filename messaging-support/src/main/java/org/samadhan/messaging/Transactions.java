package org.samadhan.messaging;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** One JDBC transaction: commit when the work returns, roll back when it throws (shared by the services). */
public final class Transactions {

    /** Work on a connection inside a transaction. */
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private Transactions() {
    }

    public static <T> T inTransaction(DataSource dataSource, Work<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }
}
