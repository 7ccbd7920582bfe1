package org.samadhan.portal.web;

import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How pages write times: India Standard Time, with month names in the page's language. */
@TemplateExtension
public final class Formats {

    public static final ZoneId IST = ZoneId.of("Asia/Kolkata");

    static final int EXCERPT = 90;

    private Formats() {
    }

    /** "1 Dec 2026, 14:05" (or "1 दिस॰ 2026, 14:05"). */
    static String time(Instant instant, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        if (instant == null) {
            return "";
        }
        Locale l = locale instanceof Locale given ? given : Locale.ENGLISH;
        return DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", l).withZone(IST).format(instant);
    }

    /** The first words of a citizen's text for a list: at most {@code EXCERPT} characters, cut at a word. */
    static String excerpt(String text) {
        if (text == null || text.codePointCount(0, text.length()) <= EXCERPT) {
            return text == null ? "" : text;
        }
        String cut = text.substring(0, text.offsetByCodePoints(0, EXCERPT));
        int space = cut.lastIndexOf(' ');
        return (space > EXCERPT / 2 ? cut.substring(0, space) : cut) + "…";
    }

    /** The machine-readable form for {@code <time datetime>}. */
    static String iso(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(IST).format(instant);
    }
}
