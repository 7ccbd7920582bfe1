package org.samadhan.chatbot.understanding;

/**
 * The conversation's own short commands, recognised only when they are the whole message ("menu", "रद्द", "back",
 * "English", "हाँ"): like taps on our buttons, they steer the dialogue and are never left to the classifier.
 */
public enum Command {
    /** "menu", "मेनू". */
    MENU,
    /** They want to file a complaint (but have not described it yet). */
    FILE,
    /** "status", "my complaints", "मेरी शिकायतें": the menu's "My complaints" typed. */
    TRACK,
    /** Switch to Hindi / to English. */
    HINDI, ENGLISH,
    /** Abandon what is in progress / go one step back. */
    CANCEL, BACK,
    /** Yes / no, as answers to a question. */
    YES, NO
}
