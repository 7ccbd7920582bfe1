package org.samadhan.routing.directory;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.samadhan.contracts.Json;

/**
 * The department directory as data: blocks, and per department its names, service level, officer per block, the
 * escalation ladder above them and the vocabulary citizens use for it. Seeded from {@code directory/balod.json}
 * (versioned in the repository), stored in PostgreSQL and edited over REST by the collector.
 */
public record DirectoryData(String district, List<String> blocks, double autoRouteThreshold,
                            List<Department> departments) {

    public record Department(String code, Map<String, String> name, String serviceLevel, Map<String, String> officers,
                             List<String> escalation, List<String> vocabulary) {
    }

    public static DirectoryData seed() {
        try (InputStream in = DirectoryData.class.getResourceAsStream("/directory/balod.json")) {
            return read(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static DirectoryData read(String json) {
        try {
            return Json.mapper().readValue(json, DirectoryData.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a directory: " + e.getOriginalMessage(), e);
        }
    }

    /** The vocabulary as labelled texts, for training the classifier. */
    public List<org.samadhan.routing.classifier.LabelledText> vocabulary() {
        return departments.stream().flatMap(d -> d.vocabulary().stream()
                .map(words -> new org.samadhan.routing.classifier.LabelledText(d.code(), "vocabulary", words)))
                .toList();
    }
}
