package org.samadhan.routing.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.samadhan.routing.classifier.ClassifierTraining;
import org.samadhan.routing.classifier.Dataset;
import org.samadhan.routing.classifier.Evaluation;
import org.samadhan.routing.directory.DirectorySeed;
import org.samadhan.text.LabelledText;

/**
 * Classification latency per complaint, in-process, as the service classifies (analysis, transliteration, scoring,
 * reasons), over the evaluation split's complaints in all four writing styles. Beside it, the baseline: Lucene's
 * StandardAnalyzer merely splitting the same texts into words, so the ratio survives a noisy machine. Run by
 * {@code bench/run.sh}.
 */
public final class ClassifyLatencyBenchmark {

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        var examples = Evaluation.serviceTraining(DirectorySeed.seed());
        long trainingStart = System.nanoTime();
        var classifier = ClassifierTraining.train(examples);
        System.out.printf(Locale.ROOT, "[bench] training on %d examples: %.1f s%n", examples.size(),
                (System.nanoTime() - trainingStart) / 1e9);
        List<String> texts = Dataset.evaluation().stream().map(LabelledText::text).toList();
        var baseline = new StandardAnalyzer();

        for (int i = 0; i < 20; i++) { // warm-up: JIT
            texts.forEach(classifier::classify);
            texts.forEach(t -> split(baseline, t));
        }
        List<Long> classify = new ArrayList<>();
        List<Long> split = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            for (String text : texts) {
                long start = System.nanoTime();
                classifier.classify(text);
                classify.add(System.nanoTime() - start);
                start = System.nanoTime();
                split(baseline, text);
                split.add(System.nanoTime() - start);
            }
        }
        System.out.printf(Locale.ROOT, "[bench] %d classifications of %d complaints%n", classify.size(), texts.size());
        System.out.println("[bench] classify:           " + summary(classify));
        System.out.println("[bench] baseline (split):   " + summary(split));
        System.out.printf(Locale.ROOT, "[bench] ratio p99 classify / p99 split: %.1f%n",
                (double) percentile(classify, 99) / percentile(split, 99));
    }

    private static int split(StandardAnalyzer analyzer, String text) {
        int n = 0;
        try (var stream = analyzer.tokenStream("text", text)) {
            stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                n++;
            }
            stream.end();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return n;
    }

    private static String summary(List<Long> nanos) {
        return String.format(Locale.ROOT, "p50 %.3f ms, p99 %.3f ms, max %.3f ms", percentile(nanos, 50) / 1e6,
                percentile(nanos, 99) / 1e6, percentile(nanos, 100) / 1e6);
    }

    private static long percentile(List<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
