package org.samadhan.chatbot.understanding;

/** What a citizen's words ask for, whatever the language or script they are written in. */
public enum Intent {
    /** Hello in any form: show the menu. */
    GREETING,
    /** "menu", "मेनू". */
    MENU,
    /** They want to file a complaint (but have not described it yet). */
    FILE,
    /** Where do my complaints stand ("status", "स्थिति", "meri shikayat", or a grievance number). */
    TRACK,
    /** Switch to Hindi / to English. */
    HINDI, ENGLISH,
    /** Abandon what is in progress / go one step back. */
    CANCEL, BACK,
    /** Yes / no, as answers to a question. */
    YES, NO,
    /** Thanks, said on its own. */
    THANKS,
    /** Opt out of / back into proactive messages (WhatsApp's convention). */
    STOP, START,
    /** Nothing recognised: free text, e.g. the description of a problem. */
    NONE
}
