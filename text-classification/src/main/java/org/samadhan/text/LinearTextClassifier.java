package org.samadhan.text;

import de.bwaldvogel.liblinear.Feature;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A calibrated discriminative text classifier over any string labels: the analyser's features (terms, sound
 * skeletons, character n-grams), one-vs-rest logistic regression (LIBLINEAR), and a temperature fitted by
 * cross-validation on the training data so that its confidence means what it says. Immutable once trained
 * (retraining builds a new one), so classification needs no locks.
 */
public final class LinearTextClassifier implements TextClassifier {

    /**
     * How to train: the inverse regularisation strength {@code c}, the number of cross-validation folds for the
     * temperature (below 2: no calibration, T = 1), and the weights of terms, sound skeletons and character n-grams.
     */
    public record Settings(double c, int folds, double termWeight, double skeletonWeight, double gramWeight) {

        public static final Settings DEFAULT = new Settings(10, 5, 1.0, 0.6, 1.0);

        public Settings {
            if (c <= 0) {
                throw new IllegalArgumentException("c must be positive");
            }
        }

        FeatureSpace.Weights weights() {
            return new FeatureSpace.Weights(termWeight, skeletonWeight, gramWeight);
        }
    }

    private static final int REASONS = 4;

    private final TextAnalyzer analyzer;
    private final List<String> labels;
    private final FeatureSpace space;
    private final LinearModel model;
    private final double temperature;

    private LinearTextClassifier(TextAnalyzer analyzer, List<String> labels, FeatureSpace space, LinearModel model,
                                 double temperature) {
        this.analyzer = analyzer;
        this.labels = labels;
        this.space = space;
        this.model = model;
        this.temperature = temperature;
    }

    public static LinearTextClassifier train(TextAnalyzer analyzer, List<LabelledText> examples, Settings settings) {
        List<String> labels = examples.stream().map(LabelledText::label).distinct().sorted().toList();
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("Nothing to train on");
        }
        Map<String, Integer> number = new HashMap<>();
        labels.forEach(l -> number.put(l, number.size()));
        List<List<TextAnalyzer.Word>> words = examples.stream().map(e -> analyzer.words(e.text())).toList();
        int[] y = examples.stream().mapToInt(e -> number.get(e.label())).toArray();
        double temperature = settings.folds() >= 2 && labels.size() >= 2
                ? crossValidatedTemperature(words, y, labels.size(), settings) : 1.0;
        FeatureSpace space = FeatureSpace.of(words, settings.weights());
        LinearModel model = fit(space, words, y, labels.size(), settings.c(), null);
        return new LinearTextClassifier(analyzer, labels, space, model, temperature);
    }

    public static LinearTextClassifier train(TextAnalyzer analyzer, List<LabelledText> examples) {
        return train(analyzer, examples, Settings.DEFAULT);
    }

    public List<String> labels() {
        return labels;
    }

    /** The fitted temperature (above 1: the raw model was over-confident). */
    public double temperature() {
        return temperature;
    }

    @Override
    public Prediction classify(String text) {
        List<TextAnalyzer.Word> words = analyzer.words(text);
        Feature[] vector = space.vector(words);
        int n = labels.size();
        List<Scored> ranked = new ArrayList<>(n);
        if (vector.length == 1) { // nothing but the bias: nothing known in the text, so no label is favoured
            labels.forEach(l -> ranked.add(new Scored(l, 1.0 / n)));
            return new Prediction(ranked, List.of());
        }
        double[] p = n == 1 ? new double[] {1.0} : TemperatureScaling.softmax(model.logits(vector), temperature);
        for (int k = 0; k < n; k++) {
            ranked.add(new Scored(labels.get(k), p[k]));
        }
        ranked.sort(Comparator.comparingDouble(Scored::confidence).reversed());
        return new Prediction(ranked, reasons(words, vector, labels.indexOf(ranked.get(0).label())));
    }

    /** The words, as written, whose features favour the best label most over the average of the others. */
    private List<String> reasons(List<TextAnalyzer.Word> words, Feature[] vector, int best) {
        Map<Integer, Double> value = new HashMap<>();
        for (Feature f : vector) {
            value.put(f.getIndex(), f.getValue());
        }
        Map<String, Double> score = new HashMap<>();
        for (TextAnalyzer.Word word : words) {
            double s = 0;
            for (String feature : new HashSet<>(word.features())) {
                int i = space.number(feature);
                if (i > 0) {
                    s += value.get(i) * lift(i, best);
                }
            }
            score.merge(word.written().toLowerCase(Locale.ROOT), s, Math::max);
        }
        Set<String> seen = new HashSet<>();
        return words.stream().map(w -> w.written().toLowerCase(Locale.ROOT)).filter(seen::add)
                .filter(w -> score.get(w) > 0)
                .sorted(Comparator.comparingDouble((String w) -> -score.get(w)))
                .limit(REASONS).toList();
    }

    private double lift(int feature, int best) {
        int n = labels.size();
        if (n == 1) {
            return model.weight(feature, 0);
        }
        double others = 0;
        for (int k = 0; k < n; k++) {
            if (k != best) {
                others += model.weight(feature, k);
            }
        }
        return model.weight(feature, best) - others / (n - 1);
    }

    private static LinearModel fit(FeatureSpace space, List<List<TextAnalyzer.Word>> words, int[] y, int classes,
                                   double c, boolean[] use) {
        List<Feature[]> x = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            if (use == null || use[i]) {
                x.add(space.vector(words.get(i)));
                labels.add(y[i]);
            }
        }
        return LinearModel.fit(x, labels.stream().mapToInt(Integer::intValue).toArray(), classes, space.bias(), c);
    }

    /**
     * Trains on all folds but one and predicts that one, for each fold in turn (stratified: each label spread over the
     * folds), then fits the temperature to those predictions on unseen examples.
     */
    private static double crossValidatedTemperature(List<List<TextAnalyzer.Word>> words, int[] y, int classes,
                                                    Settings settings) {
        int[] fold = stratifiedFolds(y, classes, settings.folds());
        List<double[]> logits = new ArrayList<>();
        List<Integer> truth = new ArrayList<>();
        for (int f = 0; f < settings.folds(); f++) {
            boolean[] train = new boolean[y.length];
            List<List<TextAnalyzer.Word>> trainWords = new ArrayList<>();
            boolean[] seenClass = new boolean[classes];
            for (int i = 0; i < y.length; i++) {
                train[i] = fold[i] != f;
                if (train[i]) {
                    trainWords.add(words.get(i));
                    seenClass[y[i]] = true;
                }
            }
            FeatureSpace space = FeatureSpace.of(trainWords, settings.weights());
            LinearModel model = fit(space, words, y, classes, settings.c(), train);
            for (int i = 0; i < y.length; i++) {
                Feature[] vector = space.vector(words.get(i));
                // A held-out example of a label missing from this fold's training, or with no known feature, says
                // nothing about the temperature.
                if (!train[i] && seenClass[y[i]] && vector.length > 1) {
                    logits.add(model.logits(vector));
                    truth.add(y[i]);
                }
            }
        }
        return truth.isEmpty() ? 1.0
                : TemperatureScaling.fit(logits, truth.stream().mapToInt(Integer::intValue).toArray());
    }

    private static int[] stratifiedFolds(int[] y, int classes, int folds) {
        List<List<Integer>> byClass = new ArrayList<>();
        for (int k = 0; k < classes; k++) {
            byClass.add(new ArrayList<>());
        }
        for (int i = 0; i < y.length; i++) {
            byClass.get(y[i]).add(i);
        }
        Random random = new Random(42); // the same folds on every run, so training is reproducible
        int[] fold = new int[y.length];
        int next = 0;
        for (List<Integer> members : byClass) {
            java.util.Collections.shuffle(members, random);
            for (int i : members) {
                fold[i] = next++ % folds;
            }
        }
        return fold;
    }
}
