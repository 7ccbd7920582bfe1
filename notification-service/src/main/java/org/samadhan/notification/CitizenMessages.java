package org.samadhan.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.text.MessageFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import org.samadhan.contracts.Departments;
import org.samadhan.contracts.Json;
import org.samadhan.contracts.grievance.GrievanceEvent;
import org.samadhan.contracts.whatsapp.FeedbackButtons;
import org.samadhan.contracts.whatsapp.OutboundMessage;
import org.samadhan.notification.config.NotificationConfig;

/**
 * What a citizen is told when their grievance moves, in their language (message bundles
 * {@code messages/citizen_<language>.properties}): the free-form message, and the approved template to use instead
 * when their 24-hour window is closed. Internal steps (notes, reminders, reassignment) are not told.
 */
@ApplicationScoped
public class CitizenMessages {

    /** The grievance actions a citizen hears about, and the bundle key of each. */
    private static final Map<String, String> TOLD = Map.of(
            "REGISTER", "register", "ASSIGN", "assign", "ACKNOWLEDGE", "acknowledge", "TRANSFER", "transfer",
            "RESOLVE", "resolve", "REJECT_RESOLUTION", "reopened", "ESCALATE", "escalate",
            "CONFIRM_RESOLVED", "closed_verified", "EXPIRE_FEEDBACK", "closed_unverified");
    private static final ZoneId DISTRICT_TIME = ZoneId.of("Asia/Kolkata");

    /** A composed message: its free-form content and its template fallback. */
    public record Composed(String kind, boolean proactive, OutboundMessage.Content content, JsonNode template) {
    }

    private final NotificationConfig.Templates templates;

    @jakarta.inject.Inject
    public CitizenMessages(NotificationConfig config) {
        this(config.templates());
    }

    CitizenMessages(NotificationConfig.Templates templates) {
        this.templates = templates;
    }

    public Optional<Composed> compose(GrievanceEvent event) {
        String key = TOLD.get(event.action());
        if (key == null) {
            return Optional.empty();
        }
        String language = "en".equals(event.language()) ? "en" : "hi";
        ResourceBundle bundle = ResourceBundle.getBundle("messages.citizen", Locale.forLanguageTag(language));
        Object[] arguments = {event.grievanceNumber(), Departments.displayName(event.departmentCode(), language),
                event.dueAt() == null ? "" : DateTimeFormatter.ofPattern(bundle.getString("date.pattern"),
                        Locale.forLanguageTag(language + "-IN")).format(event.dueAt().atZone(DISTRICT_TIME)),
                event.reason() == null ? "" : event.reason(),
                event.level() == null ? "" : bundle.getString("level." + event.level())};
        String body = new MessageFormat(bundle.getString(key), Locale.forLanguageTag(language)).format(arguments);
        // Registration answers the citizen's own request; everything after is news they did not ask for just now.
        boolean proactive = !"REGISTER".equals(event.action());
        if ("RESOLVE".equals(event.action())) {
            var content = OutboundMessage.Content.buttons(truncate(body, OutboundMessage.MAX_BODY_WITH_BUTTONS),
                    List.of(new OutboundMessage.Button(
                                    FeedbackButtons.satisfied(event.grievanceId(), event.version()),
                                    bundle.getString("button.yes")),
                            new OutboundMessage.Button(
                                    FeedbackButtons.notSatisfied(event.grievanceId(), event.version()),
                                    bundle.getString("button.no"))));
            return Optional.of(new Composed(key, proactive, content,
                    template(templates.feedback(), event.grievanceNumber(), arguments[3].toString())));
        }
        return Optional.of(new Composed(key, proactive, OutboundMessage.Content.text(body),
                template(templates.update(), event.grievanceNumber(), bundle.getString("status." + key),
                        arguments[2].toString().isEmpty() ? "-" : arguments[2].toString())));
    }

    private static JsonNode template(String name, String... parameters) {
        ObjectNode template = Json.mapper().createObjectNode();
        template.put("name", name);
        var list = template.putArray("parameters");
        for (String parameter : parameters) {
            list.add(parameter == null || parameter.isBlank() ? "-" : truncate(parameter, 900));
        }
        return template;
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
