package org.samadhan.messaging;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.postgresql.ds.PGSimpleDataSource;
import org.samadhan.testsupport.PostgresTestResource;

/** The embedded PostgreSQL with a fresh outbox table, for this module's tests. */
final class OutboxDatabase {

    private OutboxDatabase() {
    }

    static PGSimpleDataSource create() throws SQLException, IOException {
        Map<String, String> db = PostgresTestResource.datasource();
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(db.get("quarkus.datasource.jdbc.url"));
        dataSource.setUser(db.get("quarkus.datasource.username"));
        dataSource.setPassword(db.get("quarkus.datasource.password"));
        String migration = new String(OutboxDatabase.class.getResourceAsStream("/db/outbox/V0_1__outbox.sql")
                .readAllBytes());
        try (Connection c = dataSource.getConnection(); var s = c.createStatement()) {
            s.execute("drop table if exists outbox");
            s.execute(migration);
        }
        return dataSource;
    }

    static void execute(PGSimpleDataSource dataSource, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); var s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
