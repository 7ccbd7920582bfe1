package org.samadhan.text;

import java.util.List;

/**
 * A classifier's answer: every label from most to least likely with its confidence (summing to 1), and the words of
 * the text that weighed most for the best label, as reasons a person can read.
 */
public record Prediction(List<Scored> ranked, List<String> reasons) {

    public Prediction {
        ranked = List.copyOf(ranked);
        reasons = List.copyOf(reasons);
        if (ranked.isEmpty()) {
            throw new IllegalArgumentException("A prediction ranks at least one label");
        }
    }

    public Scored best() {
        return ranked.get(0);
    }

    /** How far the best label is ahead of the second (its whole confidence when there is only one). */
    public double margin() {
        return ranked.size() < 2 ? best().confidence() : best().confidence() - ranked.get(1).confidence();
    }
}
