package org.samadhan.grievance;

/** A request field that is missing or wrong; the API answers 400 naming the field. */
public class InvalidInput extends RuntimeException {

    private final String field;

    public InvalidInput(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** The trimmed text of a required field, refused when blank or longer than {@code max} characters. */
    public static String requireText(String field, String value, int max) {
        String text = optionalText(field, value, max);
        if (text == null) {
            throw new InvalidInput(field, field + " is required");
        }
        return text;
    }

    /** The trimmed text of an optional field (null when blank), refused when longer than {@code max} characters. */
    public static String optionalText(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (text.length() > max) {
            throw new InvalidInput(field, field + " must be at most " + max + " characters");
        }
        return text;
    }
}
