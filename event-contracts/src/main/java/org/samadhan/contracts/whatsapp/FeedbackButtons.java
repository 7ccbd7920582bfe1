package org.samadhan.contracts.whatsapp;

import java.util.Optional;

/**
 * The ids of the "solved" / "not solved" reply buttons sent with a resolution, shared by notification-service (which
 * sends them with the resolution's news) and chatbot-service (which sends them when asked, and reads the taps). The
 * id names the grievance and the version of the resolution asked about, so a tap that arrives before the bot has
 * read that resolution still answers it, and a tap on an older resolution's button is recognised as answered.
 */
public final class FeedbackButtons {

    private static final String YES = "feedback:yes:";
    private static final String NO = "feedback:no:";

    /** A tap on one of these buttons; {@code resolution} is null for buttons of earlier releases (no version). */
    public record Tap(boolean satisfied, String grievanceId, Long resolution) {
    }

    private FeedbackButtons() {
    }

    public static String satisfied(String grievanceId, long resolution) {
        return YES + grievanceId + ":" + resolution;
    }

    public static String notSatisfied(String grievanceId, long resolution) {
        return NO + grievanceId + ":" + resolution;
    }

    /** The tap, if {@code id} is one of these buttons' ids. */
    public static Optional<Tap> read(String id) {
        boolean yes = id != null && id.startsWith(YES);
        if (id == null || !(yes || id.startsWith(NO))) {
            return Optional.empty();
        }
        String rest = id.substring(yes ? YES.length() : NO.length());
        int colon = rest.indexOf(':');
        if (colon < 0) {
            return Optional.of(new Tap(yes, rest, null));
        }
        try {
            return Optional.of(new Tap(yes, rest.substring(0, colon), Long.parseLong(rest.substring(colon + 1))));
        } catch (NumberFormatException e) {
            return Optional.of(new Tap(yes, rest.substring(0, colon), null));
        }
    }
}
