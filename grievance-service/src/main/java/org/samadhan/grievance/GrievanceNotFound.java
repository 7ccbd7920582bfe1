package org.samadhan.grievance;

/** No such grievance, or none the caller may see: the two are deliberately indistinguishable. */
public class GrievanceNotFound extends RuntimeException {

    public GrievanceNotFound(String reference) {
        super("No grievance " + reference, null, false, false);
    }
}
