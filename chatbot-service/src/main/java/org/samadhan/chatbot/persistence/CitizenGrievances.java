package org.samadhan.chatbot.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.samadhan.contracts.grievance.GrievanceEvent;

/**
 * The local projection of citizens' grievances, read and written on the caller's connection (inside the caller's
 * transaction): filled when a citizen submits and kept current from grievance.events.v1, so tracking never calls
 * another service.
 */
public final class CitizenGrievances {

    private static final String COLUMNS = "grievance_id, citizen_ref, grievance_number, status, department_code, "
            + "due_at, version, summary, feedback_version";

    private final Connection c;

    public CitizenGrievances(Connection connection) {
        this.c = connection;
    }

    /** The grievance, only if it is this citizen's. */
    public Optional<CitizenGrievance> find(String citizenRef, String grievanceId) throws SQLException {
        UUID id;
        try {
            id = UUID.fromString(grievanceId);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return one("select " + COLUMNS + " from citizen_grievance where grievance_id = ? and citizen_ref = ?",
                id, citizenRef);
    }

    public Optional<CitizenGrievance> byNumber(String citizenRef, String number) throws SQLException {
        return one("select " + COLUMNS + " from citizen_grievance where grievance_number = ? and citizen_ref = ?",
                number, citizenRef);
    }

    /** Open grievances, most recent first. */
    public List<CitizenGrievance> open(String citizenRef, int limit) throws SQLException {
        return many("select " + COLUMNS + " from citizen_grievance where citizen_ref = ? and status not like 'CLOSED%' "
                + "order by submitted_at desc limit ?", citizenRef, limit);
    }

    /** The most recently resolved grievance whose resolution the citizen has not answered yet. */
    public Optional<CitizenGrievance> awaitingFeedback(String citizenRef) throws SQLException {
        return one("select " + COLUMNS + " from citizen_grievance where citizen_ref = ? and status = 'RESOLVED' "
                + "and (feedback_version is null or feedback_version < version) order by updated_at desc limit 1",
                citizenRef);
    }

    /** Every resolved grievance whose resolution the citizen has not answered yet, most recently resolved first. */
    public List<CitizenGrievance> awaitingFeedbackAll(String citizenRef, int limit) throws SQLException {
        return many("select " + COLUMNS + " from citizen_grievance where citizen_ref = ? and status = 'RESOLVED' "
                + "and (feedback_version is null or feedback_version < version) order by updated_at desc limit ?",
                citizenRef, limit);
    }

    public int submittedSince(String citizenRef, Instant since) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "select count(*) from citizen_grievance where citizen_ref = ? and submitted_at >= ?")) {
            s.setString(1, citizenRef);
            s.setTimestamp(2, Timestamp.from(since));
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    public void submitted(String grievanceId, String citizenRef, String summary, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into citizen_grievance (grievance_id, citizen_ref, "
                + "status, version, summary, submitted_at, updated_at) values (?, ?, 'SUBMITTED', 0, ?, ?, ?) "
                + "on conflict (grievance_id) do nothing")) {
            s.setObject(1, UUID.fromString(grievanceId));
            s.setString(2, citizenRef);
            s.setString(3, summary);
            s.setTimestamp(4, Timestamp.from(at));
            s.setTimestamp(5, Timestamp.from(at));
            s.executeUpdate();
        }
    }

    /** The citizen answered the resolution recorded at {@code version}. */
    public void feedbackGiven(String grievanceId, long version) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "update citizen_grievance set feedback_version = ? where grievance_id = ?")) {
            s.setLong(1, version);
            s.setObject(2, UUID.fromString(grievanceId));
            s.executeUpdate();
        }
    }

    /**
     * Applies an event when it is newer than what is known (events of a grievance may be redelivered; a grievance filed
     * elsewhere appears with its first event, under the citizen's current reference should their id have changed
     * since: see {@link CitizenIdentities}).
     */
    public void apply(GrievanceEvent e) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into citizen_grievance as g (grievance_id, citizen_ref, "
                + "grievance_number, status, department_code, due_at, version, submitted_at, updated_at) "
                + "values (?, coalesce((select new_ref from citizen_ref_change where old_ref = ?), ?), ?, ?, ?, ?, ?, "
                + "?, ?) on conflict (grievance_id) do update set "
                + "grievance_number = excluded.grievance_number, status = excluded.status, "
                + "department_code = coalesce(excluded.department_code, g.department_code), "
                + "due_at = coalesce(excluded.due_at, g.due_at), version = excluded.version, "
                + "updated_at = excluded.updated_at where g.version < excluded.version")) {
            Instant at = e.occurredAt() == null ? Instant.now() : e.occurredAt();
            s.setObject(1, UUID.fromString(e.grievanceId()));
            s.setString(2, e.citizenRef());
            s.setString(3, e.citizenRef());
            s.setString(4, e.grievanceNumber());
            s.setString(5, e.toStatus());
            s.setString(6, e.departmentCode());
            s.setTimestamp(7, e.dueAt() == null ? null : Timestamp.from(e.dueAt()));
            s.setLong(8, e.version());
            s.setTimestamp(9, Timestamp.from(at));
            s.setTimestamp(10, Timestamp.from(at));
            s.executeUpdate();
        }
    }

    private Optional<CitizenGrievance> one(String sql, Object... parameters) throws SQLException {
        List<CitizenGrievance> rows = many(sql, parameters);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private List<CitizenGrievance> many(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            List<CitizenGrievance> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Timestamp due = r.getTimestamp(6);
                    long feedback = r.getLong(9);
                    rows.add(new CitizenGrievance(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                            r.getString(5), due == null ? null : due.toInstant(), r.getLong(7), r.getString(8),
                            r.wasNull() ? null : feedback));
                }
            }
            return rows;
        }
    }
}
