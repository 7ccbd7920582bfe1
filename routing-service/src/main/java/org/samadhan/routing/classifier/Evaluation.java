package org.samadhan.routing.classifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.samadhan.contracts.directory.DistrictDirectory;
import org.samadhan.routing.directory.DirectorySeed;
import org.samadhan.routing.directory.DirectoryStore;

/**
 * The evaluation command: trains on the training split (plus the directory's vocabulary and any corrections given),
 * classifies the evaluation split, and prints top-1 accuracy, precision and recall per department, accuracy per
 * writing style, and the coverage / precision trade-off at confidence thresholds (auto-routed = confidence at or above
 * the threshold; the rest goes to the district cell).
 */
public final class Evaluation {

    /** What an evaluation run measured. */
    public record Report(int examples, double accuracy, double threshold, double coverage, double autoPrecision,
                         String text) {
    }

    private Evaluation() {
    }

    public static Report run(NaiveBayesClassifier classifier, List<LabelledText> evaluation, double threshold) {
        StringBuilder out = new StringBuilder();
        int correct = 0;
        Map<String, int[]> perDepartment = new TreeMap<>(); // tp, fp, fn
        Map<String, int[]> perStyle = new TreeMap<>(); // correct, total
        List<double[]> confidences = new ArrayList<>(); // confidence, correct?
        List<String> mistakes = new ArrayList<>();
        for (LabelledText example : evaluation) {
            Classification.Scored best = classifier.classify(example.text()).best();
            boolean right = best.department().equals(example.department());
            correct += right ? 1 : 0;
            perDepartment.computeIfAbsent(example.department(), d -> new int[3])[right ? 0 : 2]++;
            if (!right) {
                perDepartment.computeIfAbsent(best.department(), d -> new int[3])[1]++;
                mistakes.add(String.format(Locale.ROOT, "  %-14s -> %-14s %.2f  %s", example.department(),
                        best.department(), best.confidence(), example.text()));
            }
            int[] style = perStyle.computeIfAbsent(example.style(), s -> new int[2]);
            style[0] += right ? 1 : 0;
            style[1]++;
            confidences.add(new double[] {best.confidence(), right ? 1 : 0});
        }
        double accuracy = (double) correct / evaluation.size();
        out.append(String.format(Locale.ROOT, "Evaluation split: %d complaints, top-1 accuracy %.1f%% (%d correct)%n%n",
                evaluation.size(), 100 * accuracy, correct));
        out.append(String.format("%-16s %9s %9s %5s%n", "department", "precision", "recall", "n"));
        perDepartment.forEach((d, c) -> out.append(String.format(Locale.ROOT, "%-16s %8.1f%% %8.1f%% %5d%n", d,
                c[0] + c[1] == 0 ? 0.0 : 100.0 * c[0] / (c[0] + c[1]), c[0] + c[2] == 0 ? 0.0
                        : 100.0 * c[0] / (c[0] + c[2]), c[0] + c[2])));
        out.append("\naccuracy by writing style (hi Devanagari, hing Roman Hindi, en English, mix mixed):\n");
        perStyle.forEach((s, c) -> out.append(String.format(Locale.ROOT, "  %-5s %5.1f%% of %d%n", s,
                100.0 * c[0] / c[1], c[1])));
        out.append("\nthreshold  coverage  precision among auto-routed\n");
        for (double t : new double[] {0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9}) {
            double[] cp = coverageAndPrecision(confidences, t);
            out.append(String.format(Locale.ROOT, "  %.2f %s %7.1f%%  %7.1f%%%n", t, t == threshold ? "*" : " ",
                    100 * cp[0], 100 * cp[1]));
        }
        double[] chosen = coverageAndPrecision(confidences, threshold);
        out.append(String.format(Locale.ROOT, "%nconfigured threshold %.2f: %.1f%% auto-routed at %.1f%% precision; "
                + "%.1f%% to the district cell%n", threshold, 100 * chosen[0], 100 * chosen[1], 100 - 100 * chosen[0]));
        out.append("\nmistakes (expected -> got, confidence, text):\n");
        mistakes.forEach(m -> out.append(m).append('\n'));
        return new Report(evaluation.size(), accuracy, threshold, chosen[0], chosen[1], out.toString());
    }

    private static double[] coverageAndPrecision(List<double[]> confidences, double threshold) {
        int routed = 0;
        int right = 0;
        for (double[] c : confidences) {
            if (c[0] >= threshold) {
                routed++;
                right += (int) c[1];
            }
        }
        return new double[] {(double) routed / confidences.size(), routed == 0 ? 1.0 : (double) right / routed};
    }

    /**
     * {@code Evaluation [threshold] [jdbc-url user password]}: the project's evaluation split against a classifier
     * trained as the service trains it; with a database, officers' corrections are included in training.
     */
    public static void main(String[] args) throws java.sql.SQLException {
        DistrictDirectory directory = DirectorySeed.seed();
        double threshold = args.length > 0 && !args[0].isBlank() ? Double.parseDouble(args[0])
                : directory.autoRouteThreshold();
        var examples = new ArrayList<>(Dataset.training());
        examples.addAll(DirectorySeed.vocabulary(directory));
        if (args.length >= 4) {
            try (var c = java.sql.DriverManager.getConnection(args[1], args[2], args[3])) {
                List<LabelledText> corrections = DirectoryStore.corrections(c);
                System.out.printf("Including %d corrections from %s%n", corrections.size(), args[1]);
                examples.addAll(corrections);
            }
        }
        var classifier = new NaiveBayesClassifier(new ComplaintAnalyzer(), examples);
        System.out.print(run(classifier, Dataset.evaluation(), threshold).text());
    }
}
