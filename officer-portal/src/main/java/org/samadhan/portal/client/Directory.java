package org.samadhan.portal.client;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.samadhan.contracts.directory.DistrictDirectory;

/**
 * routing-service's directory as pages need it (department names, officials' names, blocks), read with the current
 * official's token and kept for {@link #FRESH}: every official sees the same directory, and an edit shows within
 * that time.
 */
@ApplicationScoped
public class Directory {

    static final Duration FRESH = Duration.ofSeconds(30);

    private final RoutingApi routing;
    private volatile RoutingApi.VersionedDirectory current;
    private volatile Instant readAt = Instant.EPOCH;

    public Directory(@RestClient RoutingApi routing) {
        this.routing = routing;
    }

    /** The directory, read again when older than {@link #FRESH}. */
    public DistrictDirectory get() {
        return versioned().directory();
    }

    public RoutingApi.VersionedDirectory versioned() {
        if (current == null || readAt.plus(FRESH).isBefore(Instant.now())) {
            current = routing.directory();
            readAt = Instant.now();
        }
        return current;
    }

    /** After an edit: the next page reads the directory afresh. */
    public void forget() {
        readAt = Instant.EPOCH;
    }

    /** The department's name in {@code language} ("hi" or "en"), or its code when unknown. */
    public String departmentName(String code, String language) {
        if (code == null) {
            return "";
        }
        return get().department(code).map(DistrictDirectory.Department::name)
                .map(names -> names.getOrDefault(language, names.getOrDefault("en", code))).orElse(code);
    }

    /** The official's name, or their id when the directory no longer lists them. */
    public String officialName(String id) {
        if (id == null) {
            return null;
        }
        return get().official(id).map(DistrictDirectory.Official::name).orElse(id);
    }

    public List<DistrictDirectory.Department> departments() {
        return get().departments();
    }

    public List<String> blocks() {
        return get().blocks();
    }

    /** Department code to its name in {@code language}, in the directory's order. */
    public Map<String, String> departmentNames(String language) {
        var names = new java.util.LinkedHashMap<String, String>();
        for (var d : departments()) {
            names.put(d.code(), d.name().getOrDefault(language, d.name().getOrDefault("en", d.code())));
        }
        return names;
    }
}
