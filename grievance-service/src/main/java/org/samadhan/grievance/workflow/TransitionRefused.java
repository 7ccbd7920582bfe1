package org.samadhan.grievance.workflow;

/** An action that the workflow does not allow in this state or for this role; the message says why. */
public class TransitionRefused extends RuntimeException {

    public TransitionRefused(String reason) {
        super(reason, null, false, false);
    }
}
