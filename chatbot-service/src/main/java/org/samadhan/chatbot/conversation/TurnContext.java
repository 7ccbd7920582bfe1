package org.samadhan.chatbot.conversation;

import java.time.Instant;
import org.samadhan.chatbot.persistence.CitizenGrievances;

/** One message's (or one timer's) work: the conversation, what caused it, and where its results go. */
record TurnContext(Conversation c, String messageId, String district, Instant now, CitizenGrievances grievances,
                   Turn t) {

    String lang() {
        return c.language();
    }

    Tracking tracking() {
        return new Tracking(c.citizenRef(), c.language(), grievances, t);
    }

    Reopening reopening() {
        return new Reopening(c.citizenRef(), c.language(), grievances, t);
    }
}
