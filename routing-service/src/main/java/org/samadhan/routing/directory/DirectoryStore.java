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
import java.util.function.UnaryOperator;
import org.samadhan.contracts.Json;
import org.samadhan.contracts.Topics;
import org.samadhan.contracts.directory.DirectoryEvent;
import org.samadhan.contracts.directory.DistrictDirectory;
import org.samadhan.messaging.OutboxRecord;
import org.samadhan.messaging.OutboxWriter;
import org.samadhan.text.LabelledText;

/**
 * The directory document and the officers' corrections in PostgreSQL, on the caller's connection. Every stored
 * version is also written to the outbox for {@code routing.directory.v1}, in the same transaction.
 */
public final class DirectoryStore {

    /** The stored directory and its version. */
    public record Stored(int version, DistrictDirectory data) {
    }

    private static final String SOURCE = "/samadhan/routing-service";

    private DirectoryStore() {
    }

    public static Optional<Stored> load(Connection c) throws SQLException {
        return load(c, "");
    }

    /** Stores the seed when the table is empty (first start); another instance doing the same at once is harmless. */
    public static void seedIfEmpty(Connection c, DistrictDirectory seed) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into directory (id, version, document, updated_at, "
                + "updated_by) values (1, 1, cast(? as jsonb), now(), 'seed') on conflict (id) do nothing")) {
            s.setString(1, Json.mapper().valueToTree(seed).toString());
            s.executeUpdate();
        }
    }

    /**
     * Applies {@code edit} to the directory as stored, if it is still at {@code expectedVersion}: the row is locked
     * and the edit is made on its stored document, never on a copy an instance holds in memory, so an edit made
     * through another instance is never reverted. Empty when someone else changed it first.
     */
    public static Optional<Stored> edit(Connection c, int expectedVersion, UnaryOperator<DistrictDirectory> edit,
                                        String by, Instant at) throws SQLException {
        Stored stored = load(c, " for update").orElseThrow();
        if (stored.version() != expectedVersion) {
            return Optional.empty();
        }
        Stored next = new Stored(stored.version() + 1, edit.apply(stored.data()));
        try (PreparedStatement s = c.prepareStatement("update directory set version = ?, document = cast(? as jsonb), "
                + "updated_at = ?, updated_by = ? where id = 1 and version = ?")) {
            s.setInt(1, next.version());
            s.setString(2, Json.mapper().valueToTree(next.data()).toString());
            s.setTimestamp(3, Timestamp.from(at));
            s.setString(4, by);
            s.setInt(5, expectedVersion);
            if (s.executeUpdate() != 1) {
                return Optional.empty();
            }
        }
        publish(c, next, by, at);
        return Optional.of(next);
    }

    /** Writes the stored version to the outbox; readers keep the highest version, so publishing again is harmless. */
    public static void publish(Connection c, Stored stored, String by, Instant at) throws SQLException {
        var event = DirectoryEvent.of(stored.version(), by, at, stored.data());
        OutboxWriter.append(c, OutboxRecord.event(Topics.ROUTING_DIRECTORY, event.districtCode(), event.eventId(),
                DirectoryEvent.EVENT_TYPE, SOURCE, at, event.districtCode(), event.districtCode(), event));
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

    private static Optional<Stored> load(Connection c, String lock) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select version, document from directory where id = 1" + lock);
             ResultSet r = s.executeQuery()) {
            return r.next() ? Optional.of(new Stored(r.getInt(1), DirectorySeed.read(r.getString(2))))
                    : Optional.empty();
        }
    }
}
