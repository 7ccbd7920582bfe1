package org.samadhan.notification.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * SQL for officials' alerts, on the caller's transaction. An alert is an outbound message with {@code official_id}
 * set and no citizen, queued as its template ({@code as_template}): the sender sends it like any message, within the
 * same limits, ordered only with the same official's alerts.
 */
public final class AlertStore {

    private AlertStore() {
    }

    /**
     * An alert to queue; {@code whatsapp} null with a {@code skipReason} keeps it as SKIPPED (the official cannot be
     * reached), so that a redelivered event does not count it again.
     */
    public record NewAlert(String outboundId, String officialId, String whatsapp, String district, String kind,
                           UUID grievanceId, String language, JsonNode message, JsonNode template,
                           String skipReason) {
    }

    /**
     * Queues alerts once per outbound id, creation times a microsecond apart in list order (so an official's alerts
     * go out in the order of their events); returns the outbound ids not seen before.
     */
    public static List<String> enqueueAll(Connection c, List<NewAlert> alerts, Instant now) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                insert into outbound_message (outbound_id, official_id, wa_id, district_code, kind, grievance_id,
                    language, proactive, message, template, as_template, state, error_title, next_attempt_at,
                    created_at, updated_at)
                select u.outbound_id, u.official_id, u.wa_id, u.district_code, u.kind, u.grievance_id, u.language,
                       true, u.message::jsonb, u.template::jsonb, true,
                       case when u.skip_reason is null then 'QUEUED' else 'SKIPPED' end, u.skip_reason,
                       ?, ?::timestamptz + u.n * interval '1 microsecond', ?
                from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::uuid[], ?::text[], ?::text[],
                            ?::text[], ?::text[])
                    with ordinality as u (outbound_id, official_id, wa_id, district_code, kind, grievance_id, language,
                                          message, template, skip_reason, n)
                on conflict (outbound_id) do nothing
                returning outbound_id""")) {
            insert.setTimestamp(1, Timestamp.from(now));
            insert.setTimestamp(2, Timestamp.from(now));
            insert.setTimestamp(3, Timestamp.from(now));
            insert.setArray(4, c.createArrayOf("text", alerts.stream().map(NewAlert::outboundId).toArray()));
            insert.setArray(5, c.createArrayOf("text", alerts.stream().map(NewAlert::officialId).toArray()));
            insert.setArray(6, c.createArrayOf("text", alerts.stream().map(NewAlert::whatsapp).toArray()));
            insert.setArray(7, c.createArrayOf("text", alerts.stream().map(NewAlert::district).toArray()));
            insert.setArray(8, c.createArrayOf("text", alerts.stream().map(NewAlert::kind).toArray()));
            insert.setArray(9, c.createArrayOf("uuid", alerts.stream().map(NewAlert::grievanceId).toArray()));
            insert.setArray(10, c.createArrayOf("text", alerts.stream().map(NewAlert::language).toArray()));
            insert.setArray(11, c.createArrayOf("text", alerts.stream().map(a -> a.message().toString()).toArray()));
            insert.setArray(12, c.createArrayOf("text", alerts.stream().map(a -> a.template().toString()).toArray()));
            insert.setArray(13, c.createArrayOf("text", alerts.stream().map(NewAlert::skipReason).toArray()));
            List<String> queued = new ArrayList<>();
            try (ResultSet r = insert.executeQuery()) {
                while (r.next()) {
                    queued.add(r.getString(1));
                }
            }
            return queued;
        }
    }
}
