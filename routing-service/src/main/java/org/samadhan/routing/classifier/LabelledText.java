package org.samadhan.routing.classifier;

/** A complaint text with its department, from the dataset, the directory's vocabulary or an officer's correction. */
public record LabelledText(String department, String style, String text) {
}
