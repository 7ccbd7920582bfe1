package org.samadhan.text;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The features seen in training, numbered for LIBLINEAR (from 1; the last number is the bias), and how a text's words
 * become a vector: log-scaled counts, each kind of feature (terms, sound skeletons, character n-grams) scaled to unit
 * length and then by its weight, so that the many n-grams of a word do not drown its term. Features never seen in
 * training are ignored. Immutable.
 */
final class FeatureSpace {

    /** The weight of each kind of feature: terms, sound skeletons, character n-grams. */
    record Weights(double terms, double skeletons, double grams) {
    }

    private final Map<String, Integer> index;
    private final Kind[] kinds; // by feature number
    private final Weights weights;

    private FeatureSpace(Map<String, Integer> index, Weights weights) {
        this.index = index;
        this.weights = weights;
        this.kinds = new Kind[index.size() + 1];
        index.forEach((feature, number) -> kinds[number] = Kind.of(feature));
    }

    static FeatureSpace of(List<List<TextAnalyzer.Word>> texts, Weights weights) {
        Map<String, Integer> index = new HashMap<>();
        for (List<TextAnalyzer.Word> words : texts) {
            for (TextAnalyzer.Word word : words) {
                for (String feature : word.features()) {
                    index.putIfAbsent(feature, index.size() + 1);
                }
            }
        }
        return new FeatureSpace(Map.copyOf(index), weights);
    }

    /** The number of features, without the bias. */
    int size() {
        return index.size();
    }

    int bias() {
        return index.size() + 1;
    }

    /** The number of a feature, or 0 when it was never seen. */
    int number(String feature) {
        return index.getOrDefault(feature, 0);
    }

    /** The text's vector, sorted by feature number, ending with the bias (1). */
    Feature[] vector(List<TextAnalyzer.Word> words) {
        Map<Integer, Double> counts = new HashMap<>();
        for (TextAnalyzer.Word word : words) {
            for (String feature : word.features()) {
                int n = number(feature);
                if (n > 0) {
                    counts.merge(n, 1.0, Double::sum);
                }
            }
        }
        int[] numbers = counts.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        double[] values = new double[numbers.length];
        double[] squares = new double[3];
        for (int i = 0; i < numbers.length; i++) {
            values[i] = 1 + Math.log(counts.get(numbers[i]));
            squares[kinds[numbers[i]].ordinal()] += values[i] * values[i];
        }
        Feature[] vector = new Feature[numbers.length + 1];
        for (int i = 0; i < numbers.length; i++) {
            Kind kind = kinds[numbers[i]];
            vector[i] = new FeatureNode(numbers[i], values[i] / Math.sqrt(squares[kind.ordinal()]) * kind.weight(weights));
        }
        vector[numbers.length] = new FeatureNode(bias(), 1.0);
        return vector;
    }

    /** The kinds of feature, told apart by the analyser's marks. */
    enum Kind {
        TERM, SKELETON, GRAM;

        static Kind of(String feature) {
            return feature.startsWith("~") ? SKELETON : feature.startsWith("#") ? GRAM : TERM;
        }

        double weight(Weights w) {
            return switch (this) {
                case TERM -> w.terms();
                case SKELETON -> w.skeletons();
                case GRAM -> w.grams();
            };
        }
    }
}
