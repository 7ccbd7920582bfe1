package org.samadhan.routing.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.samadhan.contracts.Departments;
import org.samadhan.contracts.directory.DistrictDirectory;
import org.samadhan.routing.directory.DirectorySeed;
import org.samadhan.text.LabelledText;
import org.samadhan.text.TextAnalyzer;

/** The targets of issue #5, on the project's evaluation split, with the classifier as the service builds it. */
class ClassifierEvaluationTest {

    private static final DistrictDirectory SEED = DirectorySeed.seed();

    @Test
    void theEvaluationSplitIsRoutedWithAtLeast90PercentAccuracyAnd95PercentPrecisionWhenAutoRouted() {
        var report = Evaluation.run(Evaluation.serviceTraining(SEED), Dataset.evaluation(),
                SEED.autoRouteThreshold());
        assertTrue(report.accuracy() >= 0.90, report.text());
        assertTrue(report.autoPrecision() >= 0.95, report.text());
        assertTrue(report.coverage() >= 0.70, "most complaints routed without people: " + report.text());
    }

    @Test
    void theDatasetIsBigEnoughCoversEveryDepartmentAndStyleAndNeverTrainsOnItsEvaluation() {
        List<LabelledText> training = Dataset.training();
        List<LabelledText> evaluation = Dataset.evaluation();
        assertTrue(training.size() + evaluation.size() >= 400);
        Set<String> departments = Departments.CODES.stream().filter(c -> !c.equals(Departments.DISTRICT_CELL))
                .collect(Collectors.toSet());
        for (List<LabelledText> split : List.of(training, evaluation)) {
            assertEquals(departments, split.stream().map(LabelledText::label).collect(Collectors.toSet()));
            assertEquals(Set.of("hi", "hing", "en", "mix"), split.stream().map(LabelledText::style)
                    .collect(Collectors.toSet()));
        }
        Set<String> trained = new HashSet<>();
        training.forEach(t -> trained.add(t.text().strip().toLowerCase()));
        evaluation.forEach(e -> assertTrue(!trained.contains(e.text().strip().toLowerCase()), e.text()));
    }

    @Test
    void spellingsOfOneWordInEitherScriptShareATerm() {
        var analyzer = new TextAnalyzer();
        for (List<String> sameWord : List.of(List.of("बिजली", "bijli", "bijali"), List.of("पानी", "paani", "pani"),
                List.of("हैंडपंप", "handpump"), List.of("फसल", "fasal", "phasal"), List.of("शराब", "sharab"))) {
            Set<String> shared = new HashSet<>(analyzer.terms(sameWord.get(0)));
            sameWord.forEach(w -> shared.retainAll(analyzer.terms(w)));
            assertTrue(!shared.isEmpty(), sameWord + " share no term");
        }
    }
}
