package org.samadhan.routing;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.samadhan.contracts.Departments;
import org.samadhan.routing.classifier.Classification;
import org.samadhan.routing.directory.Directory;
import org.samadhan.contracts.directory.DistrictDirectory;

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
        Classification classification = Classification.of(snapshot.classifier().classify(text));
        List<Classification.Scored> alternatives = classification.ranked().subList(1,
                Math.min(1 + ALTERNATIVES, classification.ranked().size()));
        if (category != null && Departments.isKnown(category) && !Departments.DISTRICT_CELL.equals(category)) {
            return new RoutingDecision(category, 1.0, true, category, officer(snapshot.data(), category, block),
                    serviceLevel(snapshot.data(), category),
                    classification.ranked().stream().filter(s -> !s.department().equals(category)).limit(ALTERNATIVES)
                            .toList(), List.of("chosen by the citizen"));
        }
        Classification.Scored best = classification.best();
        boolean auto = best.confidence() >= snapshot.data().autoRouteThreshold();
        String routedTo = auto ? best.department() : Departments.DISTRICT_CELL;
        return new RoutingDecision(best.department(), best.confidence(), auto, routedTo,
                officer(snapshot.data(), routedTo, block), serviceLevel(snapshot.data(), routedTo), alternatives,
                classification.reasons());
    }

    private static String serviceLevel(DistrictDirectory data, String code) {
        return data.department(code).map(DistrictDirectory.Department::serviceLevel).orElse(null);
    }

    /** The block's officer; the department's first escalation level when the block is unknown. */
    private static String officer(DistrictDirectory data, String code, String block) {
        return data.department(code).map(d -> d.holder(block, 1)).orElse(null);
    }
}
