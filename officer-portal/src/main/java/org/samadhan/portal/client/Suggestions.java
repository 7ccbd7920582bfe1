package org.samadhan.portal.client;

import io.quarkus.cache.CacheResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The classifier's departments for a complaint's words, best first, remembered per text (failures are not
 * remembered: the next page asks again).
 */
@ApplicationScoped
public class Suggestions {

    private final RoutingApi routing;

    public Suggestions(@RestClient RoutingApi routing) {
        this.routing = routing;
    }

    @CacheResult(cacheName = "department-suggestions")
    public List<RoutingApi.Scored> forText(String text) {
        RoutingApi.Classification c = routing.classify(Map.of("text", text));
        List<RoutingApi.Scored> all = new ArrayList<>();
        all.add(new RoutingApi.Scored(c.department(), c.confidence()));
        if (c.alternatives() != null) {
            all.addAll(c.alternatives());
        }
        return List.copyOf(all);
    }
}
