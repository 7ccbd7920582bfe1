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
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

/**
 * A calibrated text classifier over any string labels: the analyser's features (terms, sound skeletons, character
 * n-grams), one-vs-rest logistic regression (LIBLINEAR), optionally in an ensemble with naive Bayes (its
 * log-posterior, weighted, added to the logits), and a temperature fitted by cross-validation on the training data so
 * that its confidence means what it says. Immutable once trained (retraining builds a new one), so classification
 * needs no locks.
 */
public final class LinearTextClassifier implements TextClassifier {

    /**
     * How to train: the inverse regularisation strength {@code c}, the number of cross-validation folds for the
     * temperature (below 2: no calibration, T = 1), the weights of terms, sound skeletons and character n-grams, and
     * the weight of naive Bayes' log-posterior in the ensemble (0: logistic regression alone).
     */
    public record Settings(double c, int folds, double termWeight, double skeletonWeight, double gramWeight,
                           double naiveBayesWeight) {

        public static final Settings DEFAULT = new Settings(30, 5, 1.0, 0.6, 1.0, 0);

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
    private final NaiveBayesModel naiveBayes;
    private final double naiveBayesWeight;
    private final double temperature;

    private LinearTextClassifier(TextAnalyzer analyzer, List<String> labels, FeatureSpace space, Members members,
                                 double naiveBayesWeight, double temperature) {
        this.analyzer = analyzer;
        this.labels = labels;
        this.space = space;
        this.model = members.linear();
        this.naiveBayes = members.naiveBayes();
        this.naiveBayesWeight = naiveBayesWeight;
        this.temperature = temperature;
    }

    /** The trained models: logistic regression, and naive Bayes when it is in the ensemble (else null). */
    private record Members(LinearModel linear, NaiveBayesModel naiveBayes) {

        double[] logits(Feature[] vector, List<TextAnalyzer.Word> words, double naiveBayesWeight) {
            double[] logits = linear.logits(vector);
            if (naiveBayes != null) {
                double[] nb = naiveBayes.logPosterior(terms(words));
                for (int k = 0; k < logits.length; k++) {
                    logits[k] += naiveBayesWeight * nb[k];
                }
            }
            return logits;
        }
    }

    /** The words' terms and skeletons: what naive Bayes counts. */
    private static List<String> terms(List<TextAnalyzer.Word> words) {
        List<String> terms = new ArrayList<>(2 * words.size());
        for (TextAnalyzer.Word w : words) {
            terms.add(w.term());
            if (w.skeleton() != null) {
                terms.add(w.skeleton());
            }
        }
        return terms;
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
        FeatureSpace space = FeatureSpace.of(words, settings.weights());
        // The final model and the cross-validation folds are independent fits: they run on the cores at once.
        CompletableFuture<Members> members = CompletableFuture.supplyAsync(
                () -> fit(space, words, y, labels.size(), settings, null));
        double temperature = settings.folds() >= 2 && labels.size() >= 2
                ? crossValidatedTemperature(words, y, labels.size(), settings) : 1.0;
        return new LinearTextClassifier(analyzer, labels, space, members.join(), settings.naiveBayesWeight(),
                temperature);
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
        double[] p = n == 1 ? new double[] {1.0}
                : TemperatureScaling.softmax(new Members(model, naiveBayes).logits(vector, words, naiveBayesWeight),
                        temperature);
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

    private static Members fit(FeatureSpace space, List<List<TextAnalyzer.Word>> words, int[] y, int classes,
                               Settings settings, boolean[] use) {
        List<Feature[]> x = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            if (use == null || use[i]) {
                x.add(space.vector(words.get(i)));
                labels.add(y[i]);
            }
        }
        LinearModel linear = LinearModel.fit(x, labels.stream().mapToInt(Integer::intValue).toArray(), classes,
                space.bias(), settings.c());
        NaiveBayesModel naiveBayes = settings.naiveBayesWeight() > 0
                ? NaiveBayesModel.fit(words.stream().map(LinearTextClassifier::terms).toList(), y, classes, use) : null;
        return new Members(linear, naiveBayes);
    }

    /**
     * Trains on all folds but one and predicts that one, for each fold in turn (stratified: each label spread over the
     * folds), then fits the temperature to those predictions on unseen examples.
     */
    private static double crossValidatedTemperature(List<List<TextAnalyzer.Word>> words, int[] y, int classes,
                                                    Settings settings) {
        int[] fold = stratifiedFolds(y, classes, settings.folds());
        List<HeldOut> folds = IntStream.range(0, settings.folds()).parallel()
                .mapToObj(f -> heldOut(f, fold, words, y, classes, settings)).toList(); // in fold order
        List<double[]> logits = new ArrayList<>();
        List<Integer> truth = new ArrayList<>();
        folds.forEach(h -> {
            logits.addAll(h.logits());
            truth.addAll(h.truth());
        });
        return truth.isEmpty() ? 1.0
                : TemperatureScaling.fit(logits, truth.stream().mapToInt(Integer::intValue).toArray());
    }

    /** One fold's predictions on its held-out examples, by a model trained on the other folds. */
    private record HeldOut(List<double[]> logits, List<Integer> truth) {
    }

    private static HeldOut heldOut(int f, int[] fold, List<List<TextAnalyzer.Word>> words, int[] y, int classes,
                                   Settings settings) {
        List<double[]> logits = new ArrayList<>();
        List<Integer> truth = new ArrayList<>();
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
        Members model = fit(space, words, y, classes, settings, train);
        for (int i = 0; i < y.length; i++) {
            Feature[] vector = space.vector(words.get(i));
            // A held-out example of a label missing from this fold's training, or with no known feature, says
            // nothing about the temperature.
            if (!train[i] && seenClass[y[i]] && vector.length > 1) {
                logits.add(model.logits(vector, words.get(i), settings.naiveBayesWeight()));
                truth.add(y[i]);
            }
        }
        return new HeldOut(logits, truth);
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
