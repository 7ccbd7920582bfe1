package org.samadhan.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads labelled texts from TSV: one per line, {@code label<TAB>style<TAB>text}; blank lines and lines starting with
 * {@code #} are skipped. A malformed line is an error naming the source and the line number, never skipped silently.
 */
public final class LabelledTexts {

    private LabelledTexts() {
    }

    /** A classpath resource of {@code owner}'s class loader, e.g. {@code /dataset/train.tsv}. */
    public static List<LabelledText> resource(Class<?> owner, String resource) {
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No resource " + resource);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + resource, e);
        }
    }

    public static List<LabelledText> file(Path path) {
        try {
            return parse(Files.readString(path, StandardCharsets.UTF_8), path.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + path, e);
        }
    }

    /** The labelled texts in {@code tsv}; {@code source} names it in error messages. */
    public static List<LabelledText> parse(String tsv, String source) {
        List<LabelledText> texts = new ArrayList<>();
        List<String> lines = tsv.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t", 3);
            if (fields.length < 3 || fields[0].isBlank() || fields[1].isBlank() || fields[2].isBlank()) {
                throw new IllegalArgumentException(String.format("%s line %d: expected label<TAB>style<TAB>text, "
                        + "got \"%s\"", source, i + 1, line));
            }
            texts.add(new LabelledText(fields[0].strip(), fields[1].strip(), fields[2].strip()));
        }
        return List.copyOf(texts);
    }
}
