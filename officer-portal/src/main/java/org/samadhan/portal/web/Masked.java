package org.samadhan.portal.web;

/** An official's WhatsApp number as lists show it: only its last four digits, enough to tell two numbers apart. */
final class Masked {

    static final int SHOWN = 4;
    static final String HIDDEN = "••••••";

    private Masked() {
    }

    /** "••••••3210" for 919876543210; a number too short to hide anything shows as hidden entirely. */
    static String whatsapp(String number) {
        if (number == null || number.isBlank()) {
            return "–";
        }
        String digits = number.strip();
        if (digits.length() <= SHOWN + 2) {
            return HIDDEN;
        }
        return HIDDEN + digits.substring(digits.length() - SHOWN);
    }
}
