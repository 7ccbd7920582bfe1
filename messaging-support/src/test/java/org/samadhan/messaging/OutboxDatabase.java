package org.samadhan.messaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.postgresql.ds.PGSimpleDataSource;
import org.samadhan.testsupport.PostgresTestResource;

/** The embedded PostgreSQL with a fresh outbox table, for this module's tests. */
final class OutboxDatabase {

    /** The outbox's migrations in the order Flyway applies them in a service. */
    private static final List<String> MIGRATIONS = List.of("V0_1__outbox.sql", "V0_2__outbox_dead_letters.sql");

    private OutboxDatabase() {
    }

    static PGSimpleDataSource create() throws SQLException, IOException {
        Map<String, String> db = PostgresTestResource.datasource();
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(db.get("quarkus.datasource.jdbc.url"));
        dataSource.setUser(db.get("quarkus.datasource.username"));
        dataSource.setPassword(db.get("quarkus.datasource.password"));
        try (Connection c = dataSource.getConnection(); var s = c.createStatement()) {
            s.execute("drop table if exists outbox");
            for (String migration : MIGRATIONS) {
                s.execute(new String(OutboxDatabase.class.getResourceAsStream("/db/outbox/" + migration)
                        .readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return dataSource;
    }

    static void execute(PGSimpleDataSource dataSource, String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); var s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
