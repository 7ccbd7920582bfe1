package org.samadhan.contracts;

/** Privacy rule for citizen ids (phone numbers or WhatsApp user ids): only a masked form may be logged. */
public final class CitizenIds {

    private static final int VISIBLE = 4;

    private CitizenIds() {
    }

    /** {@code 919876543210} becomes {@code ********3210}; short or null ids are fully hidden. */
    public static String mask(String citizenId) {
        if (citizenId == null || citizenId.length() <= VISIBLE * 2) {
            return "****";
        }
        return "*".repeat(citizenId.length() - VISIBLE) + citizenId.substring(citizenId.length() - VISIBLE);
    }
}
