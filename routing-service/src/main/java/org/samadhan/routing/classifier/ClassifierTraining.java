package org.samadhan.routing.classifier;

import java.util.List;
import org.samadhan.text.LabelledText;
import org.samadhan.text.TextAnalyzer;
import org.samadhan.text.TextClassifier;

/** Builds the department classifier from labelled complaints, the one way the service, evaluation and bench build it. */
public final class ClassifierTraining {

    private static final TextAnalyzer ANALYZER = new TextAnalyzer();

    private ClassifierTraining() {
    }

    public static TextClassifier train(List<LabelledText> examples) {
        return new NaiveBayesClassifier(ANALYZER, examples);
    }
}
