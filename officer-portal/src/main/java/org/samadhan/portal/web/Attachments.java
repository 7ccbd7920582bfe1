package org.samadhan.portal.web;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.util.List;
import org.samadhan.contracts.Json;
import org.samadhan.contracts.grievance.GrievanceCommand;

/** What the citizen sent with the complaint (photos, voice notes), as grievance-service stores it: a JSON list. */
public final class Attachments {

    /** One item: its kind (image, audio, video, document) and type. */
    public record Item(String kind, String mimeType) {
    }

    private Attachments() {
    }

    static List<Item> of(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            List<GrievanceCommand.Attachment> sent = Json.mapper().readValue(json, new TypeReference<>() {
            });
            return sent.stream().map(a -> new Item(a.kind(), a.mimeType())).toList();
        } catch (IOException e) {
            throw new IllegalStateException("grievance-service answered attachments that are not a JSON list", e);
        }
    }
}
