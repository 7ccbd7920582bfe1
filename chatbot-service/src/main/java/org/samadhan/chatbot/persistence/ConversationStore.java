package org.samadhan.chatbot.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.samadhan.chatbot.conversation.Conversation;
import org.samadhan.chatbot.conversation.Draft;
import org.samadhan.chatbot.conversation.Step;
import org.samadhan.contracts.Json;

/** Conversations and handled message ids, on the caller's connection (inside the caller's transaction). */
public final class ConversationStore {

    private ConversationStore() {
    }

    /**
     * Records that a message is being handled; false when it was handled before (a redelivery), in which case the
     * caller does nothing. In the caller's transaction: if handling rolls back, so does this.
     */
    public static boolean firstTime(Connection c, String messageId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "insert into processed_message (message_id) values (?) on conflict do nothing")) {
            s.setString(1, messageId);
            return s.executeUpdate() == 1;
        }
    }

    /** The citizen's conversation, locked until the transaction ends; a new one when they never wrote before. */
    public static Conversation lockOrStart(Connection c, String waId, String citizenRef, String language,
                                           Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select language, step, draft, feedback_grievance_id, "
                + "updated_at from conversation where wa_id = ? for update")) {
            s.setString(1, waId);
            try (ResultSet r = s.executeQuery()) {
                if (r.next()) {
                    String draft = r.getString(3);
                    Object feedback = r.getObject(4);
                    return new Conversation(waId, citizenRef, false, r.getTimestamp(5).toInstant(), r.getString(1),
                            Step.valueOf(r.getString(2)), draft == null ? null : readDraft(draft),
                            feedback == null ? null : feedback.toString());
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("insert into conversation (wa_id, citizen_ref, language, step, "
                + "started_at, updated_at) values (?, ?, ?, 'IDLE', ?, ?)")) {
            s.setString(1, waId);
            s.setString(2, citizenRef);
            s.setString(3, language);
            s.setTimestamp(4, Timestamp.from(now));
            s.setTimestamp(5, Timestamp.from(now));
            s.executeUpdate();
        }
        return new Conversation(waId, citizenRef, true, now, language, Step.IDLE, null, null);
    }

    public static void save(Connection c, Conversation conversation, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("update conversation set language = ?, step = ?, "
                + "draft = cast(? as jsonb), feedback_grievance_id = ?, updated_at = ? where wa_id = ?")) {
            s.setString(1, conversation.language());
            s.setString(2, conversation.step().name());
            s.setString(3, conversation.draft() == null ? null : Json.mapper().valueToTree(conversation.draft())
                    .toString());
            s.setObject(4, conversation.feedbackGrievanceId() == null ? null
                    : UUID.fromString(conversation.feedbackGrievanceId()));
            s.setTimestamp(5, Timestamp.from(now));
            s.setString(6, conversation.waId());
            s.executeUpdate();
        }
    }

    /**
     * Citizens whose "not satisfied" reason has been awaited since before {@code cutoff}, oldest first, except those
     * in {@code except}; not locked (each is locked in its own transaction, {@link #lockIfAwaitingReasonSince}).
     */
    public static List<String> awaitingReasonSince(Connection c, Instant cutoff, List<String> except, int limit)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select wa_id from conversation where step = 'FEEDBACK_REASON' "
                + "and updated_at < ? and not (wa_id = any (?)) order by updated_at limit ?")) {
            s.setTimestamp(1, Timestamp.from(cutoff));
            s.setArray(2, c.createArrayOf("text", except.toArray()));
            s.setInt(3, limit);
            List<String> waIds = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    waIds.add(r.getString(1));
                }
            }
            return waIds;
        }
    }

    /**
     * Locks the conversation if its reason is still awaited since before {@code cutoff}; false when it is not (the
     * citizen wrote meanwhile, another instance ended the wait) or another transaction holds it.
     */
    public static boolean lockIfAwaitingReasonSince(Connection c, String waId, Instant cutoff) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select 1 from conversation where wa_id = ? "
                + "and step = 'FEEDBACK_REASON' and updated_at < ? for update skip locked")) {
            s.setString(1, waId);
            s.setTimestamp(2, Timestamp.from(cutoff));
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    /** Forgets handled message ids older than {@code before}; returns how many. */
    public static int forgetMessagesBefore(Connection c, Instant before) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("delete from processed_message where processed_at < ?")) {
            s.setTimestamp(1, Timestamp.from(before));
            return s.executeUpdate();
        }
    }

    private static Draft readDraft(String json) {
        try {
            return Json.mapper().readValue(json, Draft.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored draft is not readable: " + e.getOriginalMessage(), e);
        }
    }
}
