package org.samadhan.routing.classifier;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.samadhan.contracts.directory.DistrictDirectory;
import org.samadhan.routing.directory.DirectorySeed;
import org.samadhan.routing.directory.DirectoryStore;
import org.samadhan.text.EvaluationReport;
import org.samadhan.text.LabelledText;
import org.samadhan.text.LabelledTexts;

/**
 * The evaluation command: trains on the training split (plus the directory's vocabulary and any corrections given),
 * classifies the split to evaluate (the dev split unless another file is named), and prints top-1 accuracy,
 * precision and recall per department, accuracy per writing style, the coverage / precision trade-off at confidence
 * thresholds (auto-routed = confidence at or above the threshold; the rest goes to the district cell), the
 * calibration table and the mistakes.
 */
public final class Evaluation {

    private Evaluation() {
    }

    private static double threshold(String arg) {
        try {
            return Double.parseDouble(arg);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the threshold must be a number between 0 and 1, got \"" + arg + "\"");
        }
    }

    /** The training the service does, on the seed directory: training split and the directory's vocabulary. */
    public static List<LabelledText> serviceTraining(DistrictDirectory directory) {
        List<LabelledText> examples = new ArrayList<>(Dataset.training());
        examples.addAll(DirectorySeed.vocabulary(directory));
        return examples;
    }

    public static EvaluationReport run(List<LabelledText> training, List<LabelledText> split, double threshold) {
        return EvaluationReport.of("department", ClassifierTraining.train(training), split, threshold);
    }

    /**
     * {@code Evaluation [--split file.tsv] [threshold] [jdbc-url user password]}: a split (the dev split by default)
     * against a classifier trained as the service trains it; with a database, officers' corrections are included.
     */
    public static void main(String[] args) {
        try {
            evaluate(args);
        } catch (IllegalArgumentException | UncheckedIOException | SQLException e) {
            System.err.println("eval: " + e.getMessage()); // bad input is a message, not a stack trace
            System.exit(2);
        }
    }

    private static void evaluate(String[] args) throws SQLException {
        List<String> rest = new ArrayList<>(List.of(args));
        List<LabelledText> split = Dataset.evaluation();
        String splitName = "the dev split (dataset/eval.tsv)";
        int option = rest.indexOf("--split");
        if (option >= 0) {
            if (option + 1 >= rest.size()) {
                throw new IllegalArgumentException("--split needs the path of a label<TAB>style<TAB>text file");
            }
            Path path = Path.of(rest.get(option + 1));
            split = LabelledTexts.file(path);
            splitName = path.toString();
            rest.subList(option, option + 2).clear();
        }
        DistrictDirectory directory = DirectorySeed.seed();
        double threshold = !rest.isEmpty() && !rest.get(0).isBlank() ? threshold(rest.get(0))
                : directory.autoRouteThreshold();
        List<LabelledText> training = serviceTraining(directory);
        if (rest.size() >= 4) {
            try (var c = DriverManager.getConnection(rest.get(1), rest.get(2), rest.get(3))) {
                List<LabelledText> corrections = DirectoryStore.corrections(c);
                System.out.printf("Including %d corrections from %s%n", corrections.size(), rest.get(1));
                training.addAll(corrections);
            }
        }
        System.out.printf("Trained on %d examples; evaluating %s%n", training.size(), splitName);
        System.out.print(run(training, split, threshold).text());
    }
}
