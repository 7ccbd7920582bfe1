package org.samadhan.messaging;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.postgresql.util.ServerErrorMessage;

/**
 * Says what kind of database failure happened without repeating the database's message: PostgreSQL's text quotes
 * row values ("Key (message_id)=(wamid.HBgM...) already exists", "invalid input syntax for type uuid: ..."), which
 * may carry a citizen's phone number, so a reason, a log line or a metric gets the condition, the SQLSTATE and the
 * names of the schema objects involved instead.
 */
public final class DatabaseFailures {

    /** SQLSTATE classes (PostgreSQL manual, Appendix A), for codes the driver has no name for. */
    private static final Map<String, String> CLASSES = Map.ofEntries(
            Map.entry("08", "connection exception"), Map.entry("0A", "feature not supported"),
            Map.entry("21", "cardinality violation"), Map.entry("22", "data exception"),
            Map.entry("23", "integrity constraint violation"), Map.entry("25", "invalid transaction state"),
            Map.entry("28", "invalid authorization"), Map.entry("40", "transaction rollback"),
            Map.entry("42", "syntax error or access rule violation"), Map.entry("53", "insufficient resources"),
            Map.entry("54", "program limit exceeded"), Map.entry("55", "object not in prerequisite state"),
            Map.entry("57", "operator intervention"), Map.entry("58", "system error"),
            Map.entry("P0", "PL/pgSQL error"), Map.entry("XX", "internal error"));

    private DatabaseFailures() {
    }

    /** For example {@code unique violation (SQLSTATE 23505, constraint handled_pkey, table handled)}. */
    public static String summary(SQLException failure) {
        String state = failure.getSQLState();
        StringBuilder summary = new StringBuilder(condition(state));
        summary.append(" (SQLSTATE ").append(state == null ? "none" : state);
        if (failure instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
            ServerErrorMessage server = psql.getServerErrorMessage();
            append(summary, "constraint", server.getConstraint());
            append(summary, "table", server.getTable());
            append(summary, "column", server.getColumn());
        }
        return summary.append(')').toString();
    }

    /** The first SQLException among the causes of {@code failure} (itself included), or null. */
    public static SQLException find(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    private static String condition(String state) {
        if (state == null) {
            return "database failure";
        }
        return Arrays.stream(PSQLState.values()).filter(known -> known.getState().equals(state)).findFirst()
                .map(known -> known.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                .orElseGet(() -> CLASSES.getOrDefault(state.length() < 2 ? state : state.substring(0, 2),
                        "database failure"));
    }

    private static void append(StringBuilder summary, String what, String name) {
        if (name != null && !name.isEmpty()) {
            summary.append(", ").append(what).append(' ').append(name);
        }
    }
}
