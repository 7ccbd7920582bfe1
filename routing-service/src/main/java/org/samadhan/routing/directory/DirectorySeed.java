package org.samadhan.routing.directory;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.samadhan.contracts.Json;
import org.samadhan.contracts.directory.DistrictDirectory;
import org.samadhan.text.LabelledText;

/**
 * The directory's starting content, {@code directory/balod.json} (versioned in the repository), stored in
 * PostgreSQL on first start; and reading stored documents.
 */
public final class DirectorySeed {

    private DirectorySeed() {
    }

    public static DistrictDirectory seed() {
        try (InputStream in = DirectorySeed.class.getResourceAsStream("/directory/balod.json")) {
            return read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static DistrictDirectory read(String json) {
        try {
            return Json.mapper().readValue(json, DistrictDirectory.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a directory: " + e.getOriginalMessage(), e);
        }
    }

    /** The directory's vocabulary as labelled texts, for training the classifier. */
    public static List<LabelledText> vocabulary(DistrictDirectory directory) {
        return directory.departments().stream().flatMap(d -> d.vocabulary().stream()
                .map(words -> new LabelledText(d.code(), "vocabulary", words))).toList();
    }
}
