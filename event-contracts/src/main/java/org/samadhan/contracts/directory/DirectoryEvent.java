package org.samadhan.contracts.directory;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * A version of a district's directory: the payload of the compacted topic {@code routing.directory.v1} (schema
 * {@code contracts/schemas/routing.directory.v1.schema.json}), keyed by district code, so the topic always holds
 * each district's latest directory. Readers keep the highest {@code version} they have seen; a repeat or an older
 * version changes nothing.
 */
public record DirectoryEvent(String eventId, String eventType, Instant occurredAt, String districtCode, int version,
                             String updatedBy, DistrictDirectory directory) {

    public static final String EVENT_TYPE = "org.samadhan.routing.directory.v1";

    /** This event, if it carries what every reader relies on; otherwise refused with the reason (dead-lettered). */
    public DirectoryEvent requireComplete() {
        if (districtCode == null || version < 1 || directory == null || directory.departments() == null
                || directory.officials() == null || directory.escalatedServiceLevel() == null) {
            throw new IllegalArgumentException("directory event lacks districtCode, version, departments, officials "
                    + "or escalatedServiceLevel");
        }
        if (directory.officials().stream().anyMatch(o -> o == null || o.id() == null || o.id().isBlank())) {
            throw new IllegalArgumentException("directory version " + version + " has an official without id");
        }
        return this;
    }

    public static DirectoryEvent of(int version, String updatedBy, Instant at, DistrictDirectory directory) {
        String id = UUID.nameUUIDFromBytes(("directory/" + directory.district() + "/" + version)
                .getBytes(StandardCharsets.UTF_8)).toString();
        return new DirectoryEvent(id, EVENT_TYPE, at, directory.district(), version, updatedBy, directory);
    }
}
