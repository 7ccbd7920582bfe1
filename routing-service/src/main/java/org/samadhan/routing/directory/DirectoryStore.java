package org.samadhan.routing.directory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.samadhan.contracts.Json;
import org.samadhan.routing.classifier.LabelledText;

/** The directory document and the officers' corrections in PostgreSQL, on the caller's connection. */
public final class DirectoryStore {

    /** The stored directory and its version. */
    public record Stored(int version, DirectoryData data) {
    }

    private DirectoryStore() {
    }

    public static Optional<Stored> load(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select version, document from directory where id = 1");
             ResultSet r = s.executeQuery()) {
            return r.next() ? Optional.of(new Stored(r.getInt(1), DirectoryData.read(r.getString(2))))
                    : Optional.empty();
        }
    }

    /** Stores the seed when the table is empty (first start); another instance doing the same at once is harmless. */
    public static void seedIfEmpty(Connection c, DirectoryData seed) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into directory (id, version, document, updated_at, "
                + "updated_by) values (1, 1, cast(? as jsonb), now(), 'seed') on conflict (id) do nothing")) {
            s.setString(1, Json.mapper().valueToTree(seed).toString());
            s.executeUpdate();
        }
    }

    /** Replaces the directory if it is still at {@code expectedVersion}; false when someone else changed it first. */
    public static boolean replace(Connection c, int expectedVersion, DirectoryData data, String by, Instant at)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("update directory set version = version + 1, "
                + "document = cast(? as jsonb), updated_at = ?, updated_by = ? where id = 1 and version = ?")) {
            s.setString(1, Json.mapper().valueToTree(data).toString());
            s.setTimestamp(2, Timestamp.from(at));
            s.setString(3, by);
            s.setInt(4, expectedVersion);
            return s.executeUpdate() == 1;
        }
    }

    /** The stored version and how many corrections there are: what tells an instance to reload. */
    public static long fingerprint(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "select (select version from directory where id = 1) * 1000000 + (select count(*) from correction)");
             ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    public static List<LabelledText> corrections(Connection c) throws SQLException {
        List<LabelledText> examples = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "select to_department, description from correction order by corrected_at");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                examples.add(new LabelledText(r.getString(1), "correction", r.getString(2)));
            }
        }
        return examples;
    }
}
