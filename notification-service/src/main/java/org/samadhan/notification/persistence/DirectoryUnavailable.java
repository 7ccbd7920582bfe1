package org.samadhan.notification.persistence;

import java.sql.SQLTransientException;

/**
 * The district's directory has not reached this service yet (routing-service publishes it on start-up): transient,
 * so the consumed batch waits and is retried instead of skipping alerts for officials it cannot know yet.
 */
public class DirectoryUnavailable extends SQLTransientException {

    public DirectoryUnavailable(String district) {
        super("The directory of " + district + " has not been received from routing-service yet");
    }
}
