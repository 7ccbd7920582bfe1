package org.samadhan.portal.web;

import java.util.Locale;

/** How the review writes its figures: rates as percentages with one decimal, hours and ratings with one. */
final class ReviewFormat {

    private ReviewFormat() {
    }

    /** 0.8754 → "87.5 %". */
    static String percent(double rate) {
        return String.format(Locale.ROOT, "%.1f %%", rate * 100);
    }

    /** 12.25 → "12.3". */
    static String decimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
