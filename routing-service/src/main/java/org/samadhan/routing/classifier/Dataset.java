package org.samadhan.routing.classifier;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The project's labelled complaints, {@code dataset/train.tsv} (learnt from) and {@code dataset/eval.tsv} (only for
 * measuring): one per line, {@code department<TAB>style<TAB>text}, lines starting with # are comments.
 */
public final class Dataset {

    private Dataset() {
    }

    public static List<LabelledText> training() {
        return read("/dataset/train.tsv");
    }

    public static List<LabelledText> evaluation() {
        return read("/dataset/eval.tsv");
    }

    static List<LabelledText> read(String resource) {
        try (InputStream in = Dataset.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("\t", 3))
                    .map(f -> new LabelledText(f[0], f[1], f[2]))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
