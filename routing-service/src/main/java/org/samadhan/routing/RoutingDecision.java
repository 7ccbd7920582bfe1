package org.samadhan.routing;

import java.util.List;
import org.samadhan.routing.classifier.Classification;

/**
 * Where a complaint goes and why: the best department and the classifier's confidence in it, whether that is
 * confident enough to route automatically, where it is actually routed (the department, or the district cell), the
 * officer there and that department's service level (from the same directory version), the runners-up and the words
 * that decided.
 */
public record RoutingDecision(String department, double confidence, boolean autoRoute, String routedTo,
                              String officerId, String serviceLevel, List<Classification.Scored> alternatives,
                              List<String> reasons) {
}
