package org.samadhan.portal.web;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * The review's period as the picker offers it: whole days in IST (the district's days, whatever the server's zone),
 * a named range or two dates, both included. Weeks start on Monday, as the district's weekly review does.
 */
public record ReviewPeriod(Preset preset, LocalDate from, LocalDate to) {

    /** At most what analytics-service accepts. */
    static final int MAX_DAYS = 400;

    /** The named ranges of the picker; CUSTOM is two dates. */
    public enum Preset {
        THIS_WEEK, LAST_WEEK, LAST_30_DAYS, THIS_MONTH, CUSTOM;

        public String param() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Preset of(String param) {
            for (Preset p : values()) {
                if (p.param().equals(param)) {
                    return p;
                }
            }
            return null;
        }
    }

    /** A period the official asked for that cannot be: which field, for the message beside the picker. */
    public static final class Invalid extends RuntimeException {
        public final String field;

        Invalid(String field, String message) {
            super(message);
            this.field = field;
        }
    }

    /** IST's today at {@code now}. */
    static LocalDate today(Instant now) {
        return now.atZone(Formats.IST).toLocalDate();
    }

    /**
     * The period of the picker's answer: dates when both are given (custom), else the named range, else this week.
     *
     * @throws Invalid for a bad date, from after to, or more than {@link #MAX_DAYS} days
     */
    public static ReviewPeriod of(String preset, String from, String to, Instant now) {
        LocalDate today = today(now);
        if (!blank(from) || !blank(to)) {
            LocalDate end = blank(to) ? today : date("to", to);
            LocalDate start = blank(from) ? end.minusDays(6) : date("from", from);
            if (start.isAfter(end)) {
                throw new Invalid("from", "from is after to");
            }
            if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
                throw new Invalid("to", "more than " + MAX_DAYS + " days");
            }
            return new ReviewPeriod(Preset.CUSTOM, start, end);
        }
        Preset named = Preset.of(preset);
        return named(named == null || named == Preset.CUSTOM ? Preset.THIS_WEEK : named, today);
    }

    static ReviewPeriod named(Preset preset, LocalDate today) {
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return switch (preset) {
            case THIS_WEEK, CUSTOM -> new ReviewPeriod(Preset.THIS_WEEK, monday, today);
            case LAST_WEEK -> new ReviewPeriod(preset, monday.minusWeeks(1), monday.minusDays(1));
            case LAST_30_DAYS -> new ReviewPeriod(preset, today.minusDays(29), today);
            case THIS_MONTH -> new ReviewPeriod(preset, today.withDayOfMonth(1), today);
        };
    }

    /** Whether the period reaches today: only then are its stocks (open, overdue) the worklist's of now. */
    public boolean endsToday(Instant now) {
        return !to.isBefore(today(now));
    }

    /** The trend's span: the eight Monday-to-Sunday weeks ending with the one holding {@code to}. */
    public ReviewPeriod trendWeeks() {
        LocalDate lastMonday = to.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return new ReviewPeriod(Preset.CUSTOM, lastMonday.minusWeeks(7), to);
    }

    /** The query string that selects this period again. */
    public String query() {
        return preset == Preset.CUSTOM ? "from=" + from + "&to=" + to : "period=" + preset.param();
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new Invalid(field, "not a date: " + value);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
