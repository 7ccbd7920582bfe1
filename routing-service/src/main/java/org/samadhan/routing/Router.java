package org.samadhan.routing;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.samadhan.contracts.Departments;
import org.samadhan.routing.classifier.Classification;
import org.samadhan.routing.directory.Directory;
import org.samadhan.routing.directory.DirectoryData;

/**
 * Decides where a complaint goes: the department the citizen chose, if they chose one; otherwise the classifier's best
 * department when it is confident enough (the directory's {@code autoRouteThreshold}), and the district cell for
 * people to triage when it is not. Then the officer for that department and block, from the directory.
 */
@ApplicationScoped
public class Router {

    private static final int ALTERNATIVES = 3;

    private final Directory directory;

    public Router(Directory directory) {
        this.directory = directory;
    }

    public RoutingDecision route(String text, String category, String block) {
        Directory.Snapshot snapshot = directory.current();
        Classification classification = snapshot.classifier().classify(text);
        List<Classification.Scored> alternatives = classification.ranked().subList(1,
                Math.min(1 + ALTERNATIVES, classification.ranked().size()));
        if (category != null && Departments.isKnown(category) && !Departments.DISTRICT_CELL.equals(category)) {
            return new RoutingDecision(category, 1.0, true, category, officer(snapshot.data(), category, block),
                    classification.ranked().stream().filter(s -> !s.department().equals(category)).limit(ALTERNATIVES)
                            .toList(), List.of("chosen by the citizen"));
        }
        Classification.Scored best = classification.best();
        boolean auto = best.confidence() >= snapshot.data().autoRouteThreshold();
        String routedTo = auto ? best.department() : Departments.DISTRICT_CELL;
        return new RoutingDecision(best.department(), best.confidence(), auto, routedTo,
                officer(snapshot.data(), routedTo, block), alternatives, classification.reasons());
    }

    /** The block's officer; the department's first escalation level when the block is unknown. */
    private static String officer(DirectoryData data, String code, String block) {
        Optional<DirectoryData.Department> department = data.departments().stream()
                .filter(d -> d.code().equals(code)).findFirst();
        if (department.isEmpty()) {
            return null;
        }
        return department.get().officers().entrySet().stream()
                .filter(e -> block != null && e.getKey().equalsIgnoreCase(block.strip()))
                .map(java.util.Map.Entry::getValue).findFirst()
                .orElse(department.get().escalation().isEmpty() ? null : department.get().escalation().get(0));
    }
}
