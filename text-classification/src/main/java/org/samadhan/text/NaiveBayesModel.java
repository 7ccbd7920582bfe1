package org.samadhan.text;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Multinomial naive Bayes over the analyser's terms and sound skeletons, with equal priors and each term's evidence
 * tempered by the square root of the number of terms (so that a long text is not certain merely for being long). In
 * the ensemble its log-posterior is added to the logistic regression's logits: it is strong where a label has few,
 * short examples, where the discriminative model is weak.
 */
final class NaiveBayesModel {

    private static final double SMOOTHING = 0.3;

    private final int classes;
    private final Map<String, double[]> termLogProbability = new HashMap<>();

    private NaiveBayesModel(int classes) {
        this.classes = classes;
    }

    /** Fits the terms of each example to its class number (0..classes-1); {@code use} selects examples (null: all). */
    static NaiveBayesModel fit(List<List<String>> terms, int[] y, int classes, boolean[] use) {
        NaiveBayesModel model = new NaiveBayesModel(classes);
        Map<String, double[]> counts = new HashMap<>();
        double[] totals = new double[classes];
        for (int i = 0; i < terms.size(); i++) {
            if (use != null && !use[i]) {
                continue;
            }
            for (String term : terms.get(i)) {
                counts.computeIfAbsent(term, t -> new double[classes])[y[i]]++;
                totals[y[i]]++;
            }
        }
        int vocabulary = counts.size();
        counts.forEach((term, c) -> {
            double[] logs = new double[classes];
            for (int k = 0; k < classes; k++) {
                logs[k] = Math.log((c[k] + SMOOTHING) / (totals[k] + SMOOTHING * vocabulary));
            }
            model.termLogProbability.put(term, logs);
        });
        return model;
    }

    /** The tempered log-posterior of each class (equal priors), shifted so that the largest is 0. */
    double[] logPosterior(List<String> terms) {
        double[] score = new double[classes];
        int known = 0;
        for (String term : terms) {
            double[] logs = termLogProbability.get(term);
            if (logs != null) {
                known++;
                for (int k = 0; k < classes; k++) {
                    score[k] += logs[k];
                }
            }
        }
        double temper = Math.max(1.0, Math.sqrt(known));
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < classes; k++) {
            score[k] /= temper;
            max = Math.max(max, score[k]);
        }
        for (int k = 0; k < classes; k++) {
            score[k] -= max;
        }
        return score;
    }
}
