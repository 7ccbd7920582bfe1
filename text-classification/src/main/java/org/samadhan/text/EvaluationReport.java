package org.samadhan.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a classifier does on labelled texts it did not train on: top-1 accuracy, precision / recall / support per
 * label, accuracy per writing style, coverage and precision when only confident answers are acted on (at or above a
 * threshold; the rest go to people), a calibration table (confidence bins: count, mean confidence, accuracy) and the
 * mistakes. {@link #text()} prints it all.
 */
public record EvaluationReport(String labelName, int examples, int correct, double threshold, double coverage,
                               double autoPrecision, Map<String, LabelStats> perLabel, Map<String, StyleStats> perStyle,
                               List<Bin> calibration, List<Mistake> mistakes, List<Outcome> outcomes) {

    /** Thresholds shown in the coverage / precision table, beside the configured one. */
    private static final double[] THRESHOLDS = {0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};
    private static final int BINS = 10;

    /** Counts for one label: right answers, answers wrongly giving it, texts of it answered otherwise. */
    public record LabelStats(int truePositives, int falsePositives, int falseNegatives) {
        public int support() {
            return truePositives + falseNegatives;
        }

        public double precision() {
            return truePositives + falsePositives == 0 ? 0 : (double) truePositives / (truePositives + falsePositives);
        }

        public double recall() {
            return support() == 0 ? 0 : (double) truePositives / support();
        }
    }

    /** Right answers among the texts written in one style. */
    public record StyleStats(int correct, int total) {
        public double accuracy() {
            return (double) correct / total;
        }
    }

    /** The answers whose confidence fell in [lower, upper): how many, their mean confidence, how many were right. */
    public record Bin(double lower, double upper, int count, double meanConfidence, double accuracy) {
    }

    public record Mistake(LabelledText example, Scored answer) {
    }

    /** One answer: the confidence of the best label, and whether it was the right one. */
    public record Outcome(double confidence, boolean right) {
    }

    public static EvaluationReport of(TextClassifier classifier, List<LabelledText> examples, double threshold) {
        return of("label", classifier, examples, threshold);
    }

    /** {@code labelName} heads the per-label table (e.g. "department", "intent"). */
    public static EvaluationReport of(String labelName, TextClassifier classifier, List<LabelledText> examples,
                                      double threshold) {
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("Nothing to evaluate");
        }
        List<Outcome> outcomes = new ArrayList<>();
        Map<String, int[]> labels = new TreeMap<>();
        Map<String, int[]> styles = new TreeMap<>();
        List<Mistake> mistakes = new ArrayList<>();
        int correct = 0;
        for (LabelledText example : examples) {
            Scored best = classifier.classify(example.text()).best();
            boolean right = best.label().equals(example.label());
            outcomes.add(new Outcome(best.confidence(), right));
            correct += right ? 1 : 0;
            labels.computeIfAbsent(example.label(), l -> new int[3])[right ? 0 : 2]++;
            if (!right) {
                labels.computeIfAbsent(best.label(), l -> new int[3])[1]++;
                mistakes.add(new Mistake(example, best));
            }
            int[] style = styles.computeIfAbsent(example.style(), s -> new int[2]);
            style[0] += right ? 1 : 0;
            style[1]++;
        }
        Map<String, LabelStats> perLabel = new TreeMap<>();
        labels.forEach((l, c) -> perLabel.put(l, new LabelStats(c[0], c[1], c[2])));
        Map<String, StyleStats> perStyle = new TreeMap<>();
        styles.forEach((s, c) -> perStyle.put(s, new StyleStats(c[0], c[1])));
        double[] chosen = coverageAndPrecision(outcomes, threshold);
        return new EvaluationReport(labelName, examples.size(), correct, threshold, chosen[0], chosen[1],
                perLabel, perStyle, calibration(outcomes), List.copyOf(mistakes), List.copyOf(outcomes));
    }

    public double accuracy() {
        return (double) correct / examples;
    }

    /** Expected calibration error: the count-weighted mean gap between confidence and accuracy over the bins. */
    public double calibrationError() {
        return calibration.stream().mapToDouble(b -> b.count() * Math.abs(b.meanConfidence() - b.accuracy())).sum()
                / examples;
    }

    private static double[] coverageAndPrecision(List<Outcome> answers, double threshold) {
        int routed = 0;
        int right = 0;
        for (Outcome a : answers) {
            if (a.confidence() >= threshold) {
                routed++;
                right += a.right() ? 1 : 0;
            }
        }
        return new double[] {(double) routed / answers.size(), routed == 0 ? 1.0 : (double) right / routed};
    }

    private static List<Bin> calibration(List<Outcome> answers) {
        List<Bin> bins = new ArrayList<>();
        for (int b = 0; b < BINS; b++) {
            double lower = (double) b / BINS;
            double upper = (double) (b + 1) / BINS;
            boolean last = b == BINS - 1;
            List<Outcome> in = answers.stream().filter(a -> a.confidence() >= lower
                    && (a.confidence() < upper || last)).toList();
            if (!in.isEmpty()) {
                bins.add(new Bin(lower, upper, in.size(),
                        in.stream().mapToDouble(Outcome::confidence).average().orElse(0),
                        (double) in.stream().filter(Outcome::right).count() / in.size()));
            }
        }
        return bins;
    }

    /** The whole report, for a person. */
    public String text() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%d texts, top-1 accuracy %.1f%% (%d correct)%n%n", examples,
                100 * accuracy(), correct));
        out.append(String.format(Locale.ROOT, "%-16s %9s %9s %5s%n", labelName, "precision", "recall", "n"));
        perLabel.forEach((l, s) -> out.append(String.format(Locale.ROOT, "%-16s %8.1f%% %8.1f%% %5d%n", l,
                100 * s.precision(), 100 * s.recall(), s.support())));
        out.append("\naccuracy by writing style:\n");
        perStyle.forEach((s, c) -> out.append(String.format(Locale.ROOT, "  %-10s %5.1f%% of %d%n", s,
                100 * c.accuracy(), c.total())));
        out.append("\nthreshold  coverage  precision among those acted on\n");
        for (double t : THRESHOLDS) {
            double[] cp = coverageAndPrecision(outcomes, t);
            out.append(String.format(Locale.ROOT, "  %.2f %s %7.1f%%  %7.1f%%%n", t, t == threshold ? "*" : " ",
                    100 * cp[0], 100 * cp[1]));
        }
        out.append(String.format(Locale.ROOT, "%nthreshold %.2f: %.1f%% acted on at %.1f%% precision; %.1f%% to people%n",
                threshold, 100 * coverage, 100 * autoPrecision, 100 - 100 * coverage));
        out.append("\ncalibration (confidence of the best label):\n    bin        n   mean conf.  accuracy\n");
        calibration.forEach(b -> out.append(String.format(Locale.ROOT, "  %.1f-%.1f %5d %10.3f %9.3f%n", b.lower(),
                b.upper(), b.count(), b.meanConfidence(), b.accuracy())));
        out.append(String.format(Locale.ROOT, "  expected calibration error %.3f%n", calibrationError()));
        out.append("\nmistakes (expected -> got, confidence, style, text):\n");
        mistakes.forEach(m -> out.append(String.format(Locale.ROOT, "  %-14s -> %-14s %.2f  %-5s %s%n",
                m.example().label(), m.answer().label(), m.answer().confidence(), m.example().style(),
                m.example().text())));
        return out.toString();
    }
}
