package org.samadhan.chatbot.understanding;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.samadhan.text.EvaluationReport;
import org.samadhan.text.LabelledText;
import org.samadhan.text.LabelledTexts;

/**
 * Prints how the intent classifier, trained as the service trains it, does on a split it did not train on (by default
 * {@code intents/dev.tsv}): accuracy, precision and recall per intent, accuracy per writing style, calibration and the
 * mistakes. Run by {@code chatbot-service/eval.sh [--split path]}.
 */
public final class IntentEvaluation {

    /** The development split, on the classpath. */
    public static final String DEV = "/intents/dev.tsv";
    /** Confidence shown beside the coverage table; the dialogue acts on the best intent whatever its confidence. */
    static final double THRESHOLD = 0.5;

    private IntentEvaluation() {
    }

    public static void main(String[] args) {
        if (!(args.length == 0 || args.length == 2 && "--split".equals(args[0]))) {
            System.err.println("usage: chatbot-service/eval.sh [--split path/to/split.tsv]");
            System.exit(2);
        }
        List<LabelledText> split;
        try {
            split = args.length == 0 ? LabelledTexts.resource(IntentEvaluation.class, DEV)
                    : LabelledTexts.file(Path.of(args[1]));
        } catch (UncheckedIOException | IllegalArgumentException e) {
            // A missing file or a malformed line: say which, without a stack trace.
            System.err.println("eval: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.out.println(report(new IntentClassifier(), split).text());
    }

    /** The classifier's report on {@code split}. */
    public static EvaluationReport report(IntentClassifier classifier, List<LabelledText> split) {
        return EvaluationReport.of("intent", classifier, split, THRESHOLD);
    }
}
