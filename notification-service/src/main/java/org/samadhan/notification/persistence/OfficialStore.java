package org.samadhan.notification.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.samadhan.contracts.directory.DirectoryUnavailable;
import org.samadhan.contracts.directory.DistrictDirectory;

/**
 * SQL for the officials of each district's directory, always on the caller's transaction: a newer directory version
 * replaces the district's officials, a repeat or an older version changes nothing.
 */
public final class OfficialStore {

    private OfficialStore() {
    }

    /** How an official is reached: their WhatsApp number (null if the directory has none) and language. */
    public record Contact(String officialId, String role, String whatsapp, String language) {
    }

    /** Keeps {@code officials} as the district's if {@code version} is newer than the stored one; returns whether. */
    public static boolean replace(Connection c, String district, int version,
                                  List<DistrictDirectory.Official> officials, Instant now) throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement("""
                insert into directory_version (district_code, version, received_at) values (?, ?, ?)
                on conflict (district_code) do update set version = excluded.version,
                    received_at = excluded.received_at
                where directory_version.version < excluded.version""")) {
            upsert.setString(1, district);
            upsert.setInt(2, version);
            upsert.setTimestamp(3, Timestamp.from(now));
            if (upsert.executeUpdate() == 0) {
                return false;
            }
        }
        try (PreparedStatement delete = c.prepareStatement("delete from official where district_code = ?")) {
            delete.setString(1, district);
            delete.executeUpdate();
        }
        try (PreparedStatement insert = c.prepareStatement("""
                insert into official (district_code, official_id, role, whatsapp, language)
                select ?, u.official_id, u.role, u.whatsapp, u.language
                from unnest(?::text[], ?::text[], ?::text[], ?::text[]) as u (official_id, role, whatsapp, language)
                on conflict do nothing""")) {
            insert.setString(1, district);
            insert.setArray(2, c.createArrayOf("text", officials.stream().map(DistrictDirectory.Official::id)
                    .toArray()));
            insert.setArray(3, c.createArrayOf("text", officials.stream().map(DistrictDirectory.Official::role)
                    .toArray()));
            insert.setArray(4, c.createArrayOf("text", officials.stream().map(DistrictDirectory.Official::whatsapp)
                    .toArray()));
            insert.setArray(5, c.createArrayOf("text", officials.stream()
                    .map(o -> "en".equals(o.language()) ? "en" : "hi").toArray()));
            insert.executeUpdate();
        }
        return true;
    }

    /**
     * The contacts of those of {@code officialIds} the district's directory names, by id.
     *
     * @throws DirectoryUnavailable when no directory of the district has been received yet
     */
    public static Map<String, Contact> contacts(Connection c, String district, Collection<String> officialIds)
            throws SQLException {
        try (PreparedStatement known = c.prepareStatement(
                "select 1 from directory_version where district_code = ?")) {
            known.setString(1, district);
            try (ResultSet r = known.executeQuery()) {
                if (!r.next()) {
                    throw new DirectoryUnavailable(district);
                }
            }
        }
        Map<String, Contact> contacts = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement("""
                select official_id, role, whatsapp, language from official
                where district_code = ? and official_id = any(?)""")) {
            select.setString(1, district);
            select.setArray(2, c.createArrayOf("text", officialIds.toArray()));
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    contacts.put(r.getString(1), new Contact(r.getString(1), r.getString(2), r.getString(3),
                            r.getString(4)));
                }
            }
        }
        return contacts;
    }
}
