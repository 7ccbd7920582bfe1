package org.samadhan.analytics.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The benchmark's result table (Markdown), each figure beside its floor from the same run and its target. */
final class Results {

    private final List<String> notes = new ArrayList<>();
    private final List<String> rows = new ArrayList<>();
    private final List<String> missed = new ArrayList<>();

    void note(String line) {
        notes.add(line);
        System.out.println("[bench] " + line);
    }

    void row(String measurement, String figure, String floor, String ratio, String target, boolean met) {
        rows.add("| " + String.join(" | ", measurement, figure, floor, ratio, target, met ? "yes" : "**no**") + " |");
        System.out.printf("[bench] %s: %s (floor %s, ratio %s; target %s: %s)%n", measurement, figure, floor, ratio,
                target, met ? "met" : "MISSED");
        if (!met) {
            missed.add(measurement);
        }
    }

    List<String> missed() {
        return List.copyOf(missed);
    }

    String markdown() {
        StringBuilder md = new StringBuilder("# analytics-service benchmark results\n\n");
        md.append("Written by `bench/run.sh` (`AnalyticsBenchmark`); floors are measured in the same run, on the same ")
                .append("machine, at the same time of the run, so read the ratios rather than the absolute figures.\n\n");
        notes.forEach(n -> md.append("- ").append(n).append('\n'));
        md.append("\n| measurement | analytics-service | floor (same run) | ratio to floor | target | met |\n")
                .append("|---|---|---|---|---|---|\n");
        rows.forEach(r -> md.append(r).append('\n'));
        return md.toString();
    }

    void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, markdown());
        System.out.println(markdown());
    }
}
