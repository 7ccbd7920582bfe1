package org.samadhan.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;
import org.samadhan.contracts.Json;
import org.samadhan.contracts.directory.DirectoryEvent;
import org.samadhan.contracts.directory.DirectoryUnavailable;
import org.samadhan.contracts.directory.DistrictDirectory;

/**
 * The department directory as routing-service last published it ({@code routing.directory.v1}), kept in the
 * consuming service's database (its own migration creates the {@code directory_copy} table: district_code text
 * primary key, version integer, document jsonb, received_at timestamptz) so that every instance reads the same
 * version inside its own transactions. The parsed document
 * is cached per version: a read costs one indexed lookup of the version.
 */
@ApplicationScoped
public class DirectoryCopy implements TransactionalBatch.RecordHandler {

    private static final Logger LOG = Logger.getLogger(DirectoryCopy.class);

    private record Cached(int version, DistrictDirectory directory) {
    }

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    /**
     * Keeps a consumed {@code routing.directory.v1} record if it is newer than the stored version; a repeat or an
     * older one changes nothing; an unreadable or incomplete one is refused (and dead-lettered by the batch).
     */
    @Override
    public void handle(Connection c, ConsumerRecord<String, String> record) throws SQLException {
        DirectoryEvent event = ConsumedRecords.read(record, DirectoryEvent.class).requireComplete();
        if (store(c, event)) {
            LOG.infof("Directory of %s version %d received", event.districtCode(), event.version());
        }
    }

    /** Keeps {@code event} if it is newer than what is stored; returns whether it was. */
    public boolean store(Connection c, DirectoryEvent event) throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement("""
                insert into directory_copy (district_code, version, document, received_at)
                values (?, ?, cast(? as jsonb), ?)
                on conflict (district_code) do update set version = excluded.version, document = excluded.document,
                    received_at = excluded.received_at
                where directory_copy.version < excluded.version""")) {
            upsert.setString(1, event.districtCode());
            upsert.setInt(2, event.version());
            upsert.setString(3, Json.mapper().valueToTree(event.directory()).toString());
            upsert.setTimestamp(4, Timestamp.from(Instant.now()));
            return upsert.executeUpdate() == 1;
        }
    }

    /** The district's current directory. */
    public DistrictDirectory of(Connection c, String district) throws SQLException {
        Integer version = null;
        try (PreparedStatement select = c.prepareStatement(
                "select version from directory_copy where district_code = ?")) {
            select.setString(1, district);
            try (ResultSet r = select.executeQuery()) {
                if (r.next()) {
                    version = r.getInt(1);
                }
            }
        }
        if (version == null) {
            throw new DirectoryUnavailable(district);
        }
        Cached cached = cache.get(district);
        if (cached != null && cached.version() == version) {
            return cached.directory();
        }
        try (PreparedStatement select = c.prepareStatement(
                "select version, document from directory_copy where district_code = ?")) {
            select.setString(1, district);
            try (ResultSet r = select.executeQuery()) {
                r.next();
                var loaded = new Cached(r.getInt(1), read(r.getString(2)));
                cache.put(district, loaded);
                return loaded.directory();
            }
        }
    }

    private static DistrictDirectory read(String json) {
        try {
            return Json.mapper().readValue(json, DistrictDirectory.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Stored directory is unreadable: " + e.getOriginalMessage(), e);
        }
    }
}
