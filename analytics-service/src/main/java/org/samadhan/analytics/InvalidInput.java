package org.samadhan.analytics;

/** A request the review cannot answer as asked, naming the parameter at fault (answered 400). */
public class InvalidInput extends RuntimeException {

    private final String field;

    public InvalidInput(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
