package org.samadhan.chatbot.understanding;

/**
 * What a citizen's free words mean, whatever the language or script: the labels of the intent classifier, exactly
 * those of {@code intents/train.tsv} and {@code dev.tsv}. Only COMPLAINT starts filing.
 */
public enum Intent {
    /** Hello in any form: the menu. */
    GREETING,
    /** Where do my complaints stand (with or without a grievance number). */
    STATUS,
    /** Thanks, praise, "ok", "👍": a short acknowledgement. */
    THANKS,
    /** Unhappy, in words, with how an earlier complaint was resolved: an offer to reopen it. */
    DISSATISFIED,
    /** How to complain, what this service can do. */
    HELP,
    /** Certificates, scheme enrolment, jobs, loans, weather...: what this service is for and where to go. */
    OUT_OF_SCOPE,
    /** Nothing that can be read. */
    GIBBERISH,
    /** Insults with no problem described (a bribe demand with abuse is a COMPLAINT). */
    ABUSE,
    /** Stop proactive messages, however said. */
    OPT_OUT,
    /** Resume them. */
    OPT_IN,
    /** A problem described: the only intent that starts filing. */
    COMPLAINT
}
