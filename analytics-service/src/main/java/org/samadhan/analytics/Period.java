package org.samadhan.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * A review period of whole days in the district's time (IST): from the start of {@code from} to the end of
 * {@code to}, both included. Flows count events in it; stocks are taken at its end, or now if that is earlier.
 */
public record Period(LocalDate from, LocalDate to) {

    public static final ZoneId IST = ZoneId.of("Asia/Kolkata");

    /** Parses {@code from} and {@code to} (ISO dates); absent, the seven days ending today. */
    public static Period parse(String from, String to, int maxDays, Instant now) {
        LocalDate end = to == null || to.isBlank() ? now.atZone(IST).toLocalDate() : date("to", to);
        LocalDate start = from == null || from.isBlank() ? end.minusDays(6) : date("from", from);
        if (start.isAfter(end)) {
            throw new InvalidInput("from", "from (" + start + ") is after to (" + end + ")");
        }
        long days = ChronoUnit.DAYS.between(start, end) + 1;
        if (days > maxDays) {
            throw new InvalidInput("to", "The period covers " + days + " days; at most " + maxDays + " are allowed");
        }
        return new Period(start, end);
    }

    public Instant start() {
        return from.atStartOfDay(IST).toInstant();
    }

    public Instant end() {
        return to.plusDays(1).atStartOfDay(IST).toInstant();
    }

    /** When stocks are taken: the period's end, or now if the period has not ended. */
    public Instant stockAt(Instant now) {
        return end().isAfter(now) ? now : end();
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field, field + " must be a date like 2026-11-30, not \"" + value + "\"");
        }
    }
}
