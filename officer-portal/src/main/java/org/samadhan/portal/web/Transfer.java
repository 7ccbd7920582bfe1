package org.samadhan.portal.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.samadhan.portal.client.BackendRefusal;
import org.samadhan.portal.client.Directory;
import org.samadhan.portal.client.GrievanceApi;
import org.samadhan.portal.client.RoutingApi;
import org.samadhan.portal.client.Suggestions;

/**
 * The transfer form's department picker: the classifier's top suggestions for the citizen's words first (with how
 * sure it is), then every other department. Without the classifier (unreachable, busy) the picker still lists them
 * all: a suggestion helps, it never blocks.
 */
@ApplicationScoped
public class Transfer {

    static final int SUGGESTIONS = 3;
    private static final Logger LOG = Logger.getLogger(Transfer.class);

    /** A department the grievance may go to; {@code confidence} is null for those not suggested. */
    public record Choice(String code, String name, Integer confidencePercent) {
    }

    public record Options(List<Choice> suggested, List<Choice> others) {
    }

    private final Suggestions suggestions;
    private final Directory directory;

    public Transfer(Suggestions suggestions, Directory directory) {
        this.suggestions = suggestions;
        this.directory = directory;
    }

    Options options(GrievanceApi.Grievance g, String language) {
        Map<String, String> names = new LinkedHashMap<>(directory.departmentNames(language));
        names.remove(g.departmentCode());
        List<Choice> suggested = new ArrayList<>();
        for (RoutingApi.Scored s : suggestions(g.description())) {
            if (suggested.size() < SUGGESTIONS && names.containsKey(s.department())) {
                suggested.add(new Choice(s.department(), names.remove(s.department()),
                        (int) Math.round(s.confidence() * 100)));
            }
        }
        List<Choice> others = names.entrySet().stream().map(e -> new Choice(e.getKey(), e.getValue(), null)).toList();
        return new Options(suggested, others);
    }

    /** The classifier's departments, best first. */
    List<RoutingApi.Scored> suggestions(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        try {
            return suggestions.forText(text);
        } catch (BackendRefusal | ProcessingException e) {
            LOG.warnf("no department suggestions: %s", e.getMessage());
            return List.of();
        }
    }
}
