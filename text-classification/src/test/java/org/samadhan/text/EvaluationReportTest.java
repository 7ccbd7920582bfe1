package org.samadhan.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluationReportTest {

    /** Answers fixed in advance, so every figure of the report can be counted by hand. */
    private static final Map<String, Prediction> ANSWERS = Map.of(
            "bijli nahi", answer("ELECTRICITY", 0.95),
            "light gayab", answer("ELECTRICITY", 0.85),
            "streetlight band", answer("ELECTRICITY", 0.55),   // wrong: URBAN
            "handpump kharab", answer("PHE", 0.92),
            "नल सूखा", answer("PHE", 0.35),
            "road tooti", answer("PWD", 0.30));                // wrong: PANCHAYAT

    private static Prediction answer(String label, double confidence) {
        return new Prediction(List.of(new Scored(label, confidence), new Scored("OTHER", 1 - confidence)), List.of());
    }

    private static final List<LabelledText> SPLIT = List.of(
            new LabelledText("ELECTRICITY", "hing", "bijli nahi"),
            new LabelledText("ELECTRICITY", "hing", "light gayab"),
            new LabelledText("URBAN", "en", "streetlight band"),
            new LabelledText("PHE", "hing", "handpump kharab"),
            new LabelledText("PHE", "hi", "नल सूखा"),
            new LabelledText("PANCHAYAT", "en", "road tooti"));

    private final EvaluationReport report = EvaluationReport.of("department", ANSWERS::get, SPLIT, 0.4);

    @Test
    void countsAccuracyPrecisionRecallAndSupportPerLabel() {
        assertEquals(6, report.examples());
        assertEquals(4, report.correct());
        assertEquals(List.of("ELECTRICITY", "PANCHAYAT", "PHE", "PWD", "URBAN"), List.copyOf(report.perLabel().keySet()));
        assertEquals(new EvaluationReport.LabelStats(2, 1, 0), report.perLabel().get("ELECTRICITY"));
        assertEquals(2.0 / 3, report.perLabel().get("ELECTRICITY").precision(), 1e-9);
        assertEquals(new EvaluationReport.LabelStats(0, 0, 1), report.perLabel().get("URBAN"));
        assertEquals(new EvaluationReport.LabelStats(0, 1, 0), report.perLabel().get("PWD"));
        assertEquals(2, report.perLabel().get("PHE").support());
    }

    @Test
    void countsAccuracyPerStyleAndCoverageAtTheThreshold() {
        assertEquals(Map.of("en", new EvaluationReport.StyleStats(0, 2), "hi", new EvaluationReport.StyleStats(1, 1),
                "hing", new EvaluationReport.StyleStats(3, 3)), report.perStyle());
        assertEquals(4.0 / 6, report.coverage(), 1e-9);       // 0.95, 0.85, 0.55, 0.92 are at or above 0.4
        assertEquals(3.0 / 4, report.autoPrecision(), 1e-9);  // the 0.55 one was wrong
    }

    @Test
    void theCalibrationTableBinsAnswersByConfidence() {
        List<EvaluationReport.Bin> bins = report.calibration();
        assertEquals(List.of(0.3, 0.5, 0.8, 0.9), bins.stream().map(EvaluationReport.Bin::lower).toList());
        assertEquals(List.of(2, 1, 1, 2), bins.stream().map(EvaluationReport.Bin::count).toList());
        assertEquals(0.5, bins.get(0).accuracy(), 1e-9);
        assertEquals(0.325, bins.get(0).meanConfidence(), 1e-9);
        assertEquals(0.935, bins.get(3).meanConfidence(), 1e-9);
        // |0.325-0.5|*2 + |0.55-0|*1 + |0.85-1|*1 + |0.935-1|*2, over 6
        assertEquals((0.35 + 0.55 + 0.15 + 0.13) / 6, report.calibrationError(), 1e-9);
    }

    @Test
    void thePrintedReportShowsTheTablesAndEveryMistake() {
        String text = report.text();
        assertTrue(text.startsWith("6 texts, top-1 accuracy 66.7% (4 correct)"), text);
        assertTrue(text.contains("ELECTRICITY          66.7%    100.0%     2"), text);
        assertTrue(text.contains("  0.40 *    66.7%     75.0%"), text);
        assertTrue(text.contains("  0.9-1.0     2      0.935     1.000"), text);
        assertEquals(2, report.mistakes().size());
        assertTrue(text.contains("URBAN          -> ELECTRICITY    0.55  en    streetlight band"), text);
        assertTrue(text.contains("PANCHAYAT      -> PWD            0.30  en    road tooti"), text);
    }
}
