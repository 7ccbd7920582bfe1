package org.samadhan.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;
import org.samadhan.contracts.Departments;
import org.samadhan.contracts.Json;
import org.samadhan.contracts.grievance.GrievanceEvent;
import org.samadhan.notification.OfficialAlerts.Alert;
import org.samadhan.notification.config.NotificationConfig;

/**
 * The approved template of an official's alert ({@code {name, parameters}}, as the sender sends templates), filled in
 * the official's language from {@code messages/official_<language>.properties}: dates in IST, department names as
 * {@link Departments} gives them, who holds the grievance now as the directory names their role.
 */
@ApplicationScoped
public class OfficialMessages {

    private static final ZoneId DISTRICT_TIME = ZoneId.of("Asia/Kolkata");
    /** WhatsApp refuses a template parameter with a newline or a tab, or more than four spaces in a row. */
    private static final String NOT_IN_PARAMETERS = "[\\n\\r\\t]| {5,}";

    private final NotificationConfig.OfficialTemplates templates;

    public OfficialMessages(NotificationConfig config) {
        this.templates = config.officialTemplates();
    }

    /**
     * @param language   the official's, {@code hi} or {@code en}
     * @param holderRole the directory role of who holds the grievance after the event, or null when unknown (then its
     *                   level says who)
     */
    public JsonNode template(Alert alert, GrievanceEvent event, String language, String holderRole) {
        ResourceBundle bundle = ResourceBundle.getBundle("messages.official", Locale.forLanguageTag(language));
        String number = event.grievanceNumber();
        String department = Departments.displayName(event.departmentCode(), language);
        String due = event.dueAt() == null ? "-" : DateTimeFormatter.ofPattern(bundle.getString("date.pattern"),
                Locale.forLanguageTag(language + "-IN")).format(event.dueAt().atZone(DISTRICT_TIME));
        String holder = holderRole != null && bundle.containsKey("holder." + holderRole)
                ? bundle.getString("holder." + holderRole)
                : bundle.containsKey("level." + event.level()) ? bundle.getString("level." + event.level()) : "-";
        return switch (alert.kind()) {
            case ASSIGNED -> template(templates.assigned(), number, department, due);
            case DUE -> template(templates.due(), number, due);
            case ESCALATED -> template(templates.escalated(), number, department,
                    bundle.getString("why." + event.action()), due);
            case ESCALATED_AWAY -> template(templates.escalatedAway(), number, holder);
            case REJECTED -> template(templates.rejected(), number, holder);
            case DISPUTED -> template(templates.disputed(), number, department);
        };
    }

    private static JsonNode template(String name, String... parameters) {
        ObjectNode template = Json.mapper().createObjectNode();
        template.put("name", name);
        var list = template.putArray("parameters");
        for (String parameter : parameters) {
            String text = parameter == null ? "" : parameter.replaceAll(NOT_IN_PARAMETERS, " ").strip();
            list.add(text.isEmpty() ? "-" : text); // WhatsApp refuses an empty parameter
        }
        return template;
    }
}
