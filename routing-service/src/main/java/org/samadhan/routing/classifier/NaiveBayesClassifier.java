package org.samadhan.routing.classifier;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.samadhan.text.LabelledText;
import org.samadhan.text.Prediction;
import org.samadhan.text.Scored;
import org.samadhan.text.TextAnalyzer;
import org.samadhan.text.TextClassifier;

/**
 * Multinomial naive Bayes over the analyser's terms, trained on labelled complaints and the directory's vocabulary.
 * Immutable once built (retraining builds a new one), so classification needs no locks. Confidence is the posterior
 * with each term's evidence tempered by the number of terms, so a long complaint does not look certain merely for
 * being long.
 */
public final class NaiveBayesClassifier implements TextClassifier {

    private static final double SMOOTHING = 0.3;
    private static final int REASONS = 4;

    private final TextAnalyzer analyzer;
    private final List<String> departments;
    private final Map<String, double[]> termLogProbability = new HashMap<>();
    private final double[] unseenLogProbability;
    private final double[] logPrior;

    public NaiveBayesClassifier(TextAnalyzer analyzer, List<LabelledText> examples) {
        this.analyzer = analyzer;
        this.departments = examples.stream().map(LabelledText::label).distinct().sorted().toList();
        int n = departments.size();
        Map<String, double[]> counts = new HashMap<>();
        double[] totals = new double[n];
        double[] documents = new double[n];
        for (LabelledText example : examples) {
            int d = departments.indexOf(example.label());
            documents[d]++;
            for (String term : analyzer.terms(example.text())) {
                counts.computeIfAbsent(term, t -> new double[n])[d]++;
                totals[d]++;
            }
        }
        int vocabulary = counts.size();
        unseenLogProbability = new double[n];
        logPrior = new double[n];
        for (int d = 0; d < n; d++) {
            unseenLogProbability[d] = Math.log(SMOOTHING / (totals[d] + SMOOTHING * vocabulary));
            // Departments are equally likely a priori: the dataset's proportions are not the district's.
            logPrior[d] = Math.log(1.0 / n);
        }
        counts.forEach((term, c) -> {
            double[] logs = new double[n];
            for (int d = 0; d < n; d++) {
                logs[d] = Math.log((c[d] + SMOOTHING) / (totals[d] + SMOOTHING * vocabulary));
            }
            termLogProbability.put(term, logs);
        });
    }

    public List<String> departments() {
        return departments;
    }

    @Override
    public Prediction classify(String text) {
        List<String> terms = analyzer.terms(text).stream().filter(termLogProbability::containsKey).toList();
        int n = departments.size();
        double[] score = logPrior.clone();
        for (String term : terms) {
            double[] logs = termLogProbability.get(term);
            for (int d = 0; d < n; d++) {
                score[d] += logs[d];
            }
        }
        double temper = Math.max(1.0, Math.sqrt(terms.size()));
        double max = Double.NEGATIVE_INFINITY;
        for (int d = 0; d < n; d++) {
            score[d] /= temper;
            max = Math.max(max, score[d]);
        }
        double sum = 0;
        double[] posterior = new double[n];
        for (int d = 0; d < n; d++) {
            posterior[d] = Math.exp(score[d] - max);
            sum += posterior[d];
        }
        List<Scored> ranked = new ArrayList<>();
        for (int d = 0; d < n; d++) {
            ranked.add(new Scored(departments.get(d), terms.isEmpty() ? 1.0 / n : posterior[d] / sum));
        }
        ranked.sort(Comparator.comparingDouble(Scored::confidence).reversed());
        return new Prediction(ranked, reasons(terms, departments.indexOf(ranked.get(0).label())));
    }

    /** The terms that favour the best department most over the average of the others. */
    private List<String> reasons(List<String> terms, int best) {
        Set<String> seen = new HashSet<>();
        // Sound skeletons (~bjl) help matching but mean nothing to an officer: reasons are words.
        return terms.stream().filter(t -> !t.startsWith("~")).filter(seen::add)
                .sorted(Comparator.comparingDouble((String t) -> -lift(t, best)))
                .filter(t -> lift(t, best) > 0)
                .limit(REASONS).toList();
    }

    private double lift(String term, int d) {
        double[] logs = termLogProbability.get(term);
        double others = 0;
        for (int i = 0; i < logs.length; i++) {
            if (i != d) {
                others += logs[i];
            }
        }
        return logs[d] - others / (logs.length - 1);
    }
}
