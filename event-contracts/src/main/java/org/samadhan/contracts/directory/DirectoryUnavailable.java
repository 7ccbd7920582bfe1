package org.samadhan.contracts.directory;

import java.sql.SQLTransientException;

/**
 * The district's directory has not reached this service yet (routing-service publishes it on start-up). Transient, so
 * that whoever needs it waits: a consumed batch is retried (messaging-support's TransactionalBatch treats it like a
 * lost connection), a scheduled job tries again next tick, and an official's request answers 503.
 */
public class DirectoryUnavailable extends SQLTransientException {

    public DirectoryUnavailable(String district) {
        super("The directory of " + district + " has not been received from routing-service yet");
    }
}
