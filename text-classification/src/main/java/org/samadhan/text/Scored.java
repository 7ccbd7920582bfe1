package org.samadhan.text;

/** One label with the classifier's confidence in it (0..1). */
public record Scored(String label, double confidence) {
}
