package org.samadhan.text;

import java.util.Objects;

/**
 * A text with the label it should get (a department, an intent), the way it is written ({@code style}: e.g. hi
 * Devanagari, hing Roman-script Hindi, en English, mix) and the text itself.
 */
public record LabelledText(String label, String style, String text) {

    public LabelledText {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(style, "style");
        Objects.requireNonNull(text, "text");
    }
}
