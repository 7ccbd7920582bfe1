package org.samadhan.routing.classifier;

import java.util.List;
import org.samadhan.text.Prediction;

/**
 * The classifier's answer in departments: departments from most to least likely with their confidence (0..1, summing
 * to 1), and the words that weighed most for the best one, as reasons an officer can read.
 */
public record Classification(List<Scored> ranked, List<String> reasons) {

    public record Scored(String department, double confidence) {
    }

    /** A prediction whose labels are department codes. */
    public static Classification of(Prediction prediction) {
        return new Classification(prediction.ranked().stream()
                .map(s -> new Scored(s.label(), s.confidence())).toList(), prediction.reasons());
    }

    public Scored best() {
        return ranked.get(0);
    }
}
