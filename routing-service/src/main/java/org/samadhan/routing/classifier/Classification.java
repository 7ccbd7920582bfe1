package org.samadhan.routing.classifier;

import java.util.List;

/**
 * The classifier's answer: departments from most to least likely with their confidence (0..1, summing to 1), and the
 * terms that weighed most for the best one, as reasons an officer can read.
 */
public record Classification(List<Scored> ranked, List<String> reasons) {

    public record Scored(String department, double confidence) {
    }

    public Scored best() {
        return ranked.get(0);
    }
}
