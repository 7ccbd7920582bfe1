package org.samadhan.portal.web;

import java.time.Duration;

/**
 * A department's service level as the collector reads and edits it: whole days or whole hours, written to the
 * directory as the ISO-8601 duration routing-service stores ({@code P3D}, {@code PT12H}).
 */
public record ServiceLevel(long amount, Unit unit) {

    /** Longer than a year is a typing mistake, not a service level. */
    static final Duration LONGEST = Duration.ofDays(365);

    public enum Unit {
        HOURS, DAYS;

        public String param() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * The directory's duration in the unit it reads best in: days when it is a whole number of days, else hours
     * (rounded up, so an odd "PT90M" never shows as less time than the citizen is promised).
     */
    public static ServiceLevel of(String iso) {
        Duration d = Duration.parse(iso);
        if (!d.isZero() && d.toHoursPart() == 0 && d.toMinutesPart() == 0 && d.toSecondsPart() == 0
                && d.toNanosPart() == 0) {
            return new ServiceLevel(d.toDays(), Unit.DAYS);
        }
        long hours = d.toHours() + (d.minusHours(d.toHours()).isZero() ? 0 : 1);
        return new ServiceLevel(hours, Unit.HOURS);
    }

    /** What the collector typed: a whole number from 1 and "hours" or "days"; anything else is refused. */
    public static ServiceLevel parse(String amount, String unit) {
        Unit u;
        try {
            u = Unit.valueOf(unit == null ? "" : unit.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unit must be hours or days");
        }
        long n;
        try {
            n = Long.parseLong(amount == null ? "" : amount.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the service level is a whole number of hours or days");
        }
        ServiceLevel level = new ServiceLevel(n, u);
        if (n < 1 || level.duration().compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("the service level is from 1 hour to 365 days");
        }
        return level;
    }

    public Duration duration() {
        return unit == Unit.DAYS ? Duration.ofDays(amount) : Duration.ofHours(amount);
    }

    /** The ISO-8601 form in the collector's unit: "P3D" for 3 days, "PT36H" for 36 hours. */
    public String iso() {
        return unit == Unit.DAYS ? "P" + amount + "D" : "PT" + amount + "H";
    }

    /** Whole days and the hours beyond them, for "2 days 6 hours". */
    public static Span span(String iso) {
        Duration d = Duration.parse(iso);
        return new Span(d.toDays(), d.toHoursPart(), d.toMinutesPart());
    }

    /** A duration in days, hours and minutes, as a page writes it. */
    public record Span(long days, long hours, long minutes) {
    }
}
