package org.samadhan.grievance;

/**
 * No such grievance or alert, or none the caller may see: the two are deliberately indistinguishable (404).
 */
public class NotFound extends RuntimeException {

    private NotFound(String message) {
        super(message, null, false, false);
    }

    public static NotFound grievance(String reference) {
        return new NotFound("No grievance " + reference);
    }

    public static NotFound alert(String id) {
        return new NotFound("No alert " + id);
    }
}
