package org.samadhan.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.samadhan.sandbox.config.SandboxConfig;

/** The send endpoint's request validation, with WhatsApp's limits and error codes (reference/whatsapp-cloud-api.md). */
@ApplicationScoped
public class SendValidator {

    private final Map<String, Map<String, Integer>> templates;

    public SendValidator(SandboxConfig config) {
        this.templates = config.templates();
    }

    /** The error WhatsApp would answer, or empty when the request is acceptable. */
    public Optional<GraphError> check(JsonNode request) {
        if (!"whatsapp".equals(request.path("messaging_product").asText())) {
            return Optional.of(GraphError.invalidParameter("messaging_product must be \"whatsapp\""));
        }
        String to = request.path("to").asText("");
        String recipient = request.path("recipient").asText("");
        if (to.isEmpty() && recipient.isEmpty()) {
            return Optional.of(GraphError.missing("to (a phone number) or recipient (a user id) is required"));
        }
        if (!to.isEmpty() && (to.startsWith("00") || !to.matches("\\+?\\d{8,15}"))) {
            return Optional.of(GraphError.invalidParameter("to must be a phone number in E.164 digits"));
        }
        if (to.isEmpty() && !recipient.matches("[A-Z]{2}\\.[A-Za-z0-9.]{1,128}")) {
            return Optional.of(GraphError.invalidParameter("recipient must be a business-scoped user id, "
                    + "e.g. US.13491208655302741918"));
        }
        String type = request.path("type").asText("text");
        return switch (type) {
            case "text" -> text(request.path("text"));
            case "interactive" -> interactive(request.path("interactive"));
            case "template" -> template(request.path("template"));
            case "image", "audio", "video", "document", "sticker" -> request.path(type).has("id")
                    || request.path(type).has("link") ? Optional.empty()
                    : Optional.of(GraphError.missing(type + ".id or " + type + ".link is required"));
            default -> Optional.of(GraphError.invalidParameter("Unsupported message type " + type));
        };
    }

    private static Optional<GraphError> text(JsonNode text) {
        String body = text.path("body").asText("");
        if (body.isEmpty()) {
            return Optional.of(GraphError.missing("text.body is required"));
        }
        return tooLong("text.body", body, 4096);
    }

    private static Optional<GraphError> interactive(JsonNode interactive) {
        String kind = interactive.path("type").asText();
        Optional<GraphError> common = firstOf(
                tooLong("interactive.header.text", interactive.path("header").path("text").asText(""), 60),
                tooLong("interactive.footer.text", interactive.path("footer").path("text").asText(""), 60));
        if (common.isPresent()) {
            return common;
        }
        String body = interactive.path("body").path("text").asText("");
        if (body.isEmpty()) {
            return Optional.of(GraphError.missing("interactive.body.text is required"));
        }
        return switch (kind) {
            case "button" -> buttons(body, interactive.path("action").path("buttons"));
            case "list" -> list(body, interactive.path("action"));
            default -> Optional.of(GraphError.invalidParameter("Unsupported interactive type " + kind));
        };
    }

    private static Optional<GraphError> buttons(String body, JsonNode buttons) {
        if (body.length() > 1024) {
            return Optional.of(GraphError.notValid("interactive.body.text must be at most 1024 characters"));
        }
        if (!buttons.isArray() || buttons.isEmpty() || buttons.size() > 3) {
            return Optional.of(GraphError.notValid("interactive.action.buttons must have 1 to 3 buttons"));
        }
        Set<String> ids = new HashSet<>();
        Set<String> titles = new HashSet<>();
        for (JsonNode button : buttons) {
            String id = button.path("reply").path("id").asText("");
            String title = button.path("reply").path("title").asText("");
            if (id.isEmpty() || id.length() > 256 || title.isEmpty() || title.length() > 20) {
                return Optional.of(GraphError.notValid(
                        "Button ids must be 1 to 256 characters and titles 1 to 20 characters"));
            }
            if (!ids.add(id) || !titles.add(title)) {
                return Optional.of(GraphError.notValid("Button ids and titles must be unique"));
            }
        }
        return Optional.empty();
    }

    private static Optional<GraphError> list(String body, JsonNode action) {
        String button = action.path("button").asText("");
        if (body.length() > 4096 || button.isEmpty() || button.length() > 20) {
            return Optional.of(GraphError.notValid(
                    "interactive.body.text must be at most 4096 characters and action.button 1 to 20"));
        }
        JsonNode sections = action.path("sections");
        if (!sections.isArray() || sections.isEmpty() || sections.size() > 10) {
            return Optional.of(GraphError.notValid("action.sections must have 1 to 10 sections"));
        }
        int rows = 0;
        Set<String> ids = new HashSet<>();
        for (JsonNode section : sections) {
            if (sections.size() > 1 && section.path("title").asText("").isEmpty()) {
                return Optional.of(GraphError.missing("A section title is required when there are several"));
            }
            if (section.path("title").asText("").length() > 24) {
                return Optional.of(GraphError.notValid("Section titles must be at most 24 characters"));
            }
            for (JsonNode row : section.path("rows")) {
                rows++;
                String id = row.path("id").asText("");
                String title = row.path("title").asText("");
                if (id.isEmpty() || id.length() > 200 || title.isEmpty() || title.length() > 24
                        || row.path("description").asText("").length() > 72 || !ids.add(id)) {
                    return Optional.of(GraphError.notValid(
                            "Rows need unique ids of 1 to 200 characters, titles of 1 to 24, descriptions up to 72"));
                }
            }
        }
        if (rows < 1 || rows > 10) {
            return Optional.of(GraphError.notValid("A list has 1 to 10 rows in total, not " + rows));
        }
        return Optional.empty();
    }

    private Optional<GraphError> template(JsonNode template) {
        String name = template.path("name").asText("");
        String language = template.path("language").path("code").asText("");
        Integer parameters = templates.getOrDefault(name, Map.of()).get(language);
        if (parameters == null) {
            return Optional.of(new GraphError(404, 132001, "Template name does not exist in the translation",
                    "template name (" + name + ") does not exist in " + language));
        }
        int given = 0;
        for (JsonNode component : template.path("components")) {
            if ("body".equals(component.path("type").asText())) {
                given = component.path("parameters").size();
            }
        }
        if (given != parameters) {
            return Optional.of(new GraphError(400, 132000, "Number of parameters does not match the expected "
                    + "number of params", "body: number of localizable_params (" + given + ") does not match the "
                    + "expected number of params (" + parameters + ")"));
        }
        return Optional.empty();
    }

    private static Optional<GraphError> tooLong(String field, String value, int max) {
        return value.length() > max
                ? Optional.of(GraphError.notValid(field + " must be at most " + max + " characters"))
                : Optional.empty();
    }

    @SafeVarargs
    private static Optional<GraphError> firstOf(Optional<GraphError>... checks) {
        for (Optional<GraphError> check : checks) {
            if (check.isPresent()) {
                return check;
            }
        }
        return Optional.empty();
    }
}
