package org.samadhan.grievance;

import java.sql.SQLTransientException;

/**
 * The district's directory has not reached this service yet (routing-service publishes it on start-up): transient,
 * so a command batch waits and is retried, the deadline watch tries again on its next tick, and an official gets 503.
 */
public class DirectoryUnavailable extends SQLTransientException {

    public DirectoryUnavailable(String district) {
        super("The department directory of " + district + " has not been received from routing-service yet");
    }
}
