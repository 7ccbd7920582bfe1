package org.samadhan.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the sandbox has seen, as the citizens' phones would show it: each citizen's conversation in order, when they
 * last wrote (the 24-hour window), which numbers cannot receive messages, and every accepted send (for rate checks).
 */
@ApplicationScoped
public class Conversations {

    /** One message in a conversation: inbound as the webhook message object, outbound as the send request. */
    public record Item(String direction, Instant timestamp, String id, JsonNode message) {
    }

    /** An accepted send, when it arrived. */
    public record Send(String id, String to, Instant receivedAt, String type) {
    }

    private static final Duration WINDOW = Duration.ofHours(24);

    private final Map<String, List<Item>> byCitizen = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastInbound = new ConcurrentHashMap<>();
    private final Set<String> undeliverable = ConcurrentHashMap.newKeySet();
    private final List<Send> sends = new ArrayList<>();

    public void inbound(String citizen, String id, JsonNode message, Instant at) {
        add(citizen, new Item("in", at, id, message));
        lastInbound.put(citizen, at);
    }

    public void outbound(String citizen, String id, JsonNode request, Instant at) {
        add(citizen, new Item("out", at, id, request));
        synchronized (sends) {
            sends.add(new Send(id, citizen, at, request.path("type").asText("text")));
        }
    }

    public List<Item> of(String citizen) {
        List<Item> items = byCitizen.getOrDefault(citizen, List.of());
        synchronized (items) {
            return List.copyOf(items);
        }
    }

    public List<Send> sendsSince(Instant since) {
        synchronized (sends) {
            return sends.stream().filter(s -> !s.receivedAt().isBefore(since)).toList();
        }
    }

    public long sendCountSince(Instant since) {
        synchronized (sends) {
            return sends.stream().filter(s -> !s.receivedAt().isBefore(since)).count();
        }
    }

    /** True while the citizen's last message is under 24 hours old. */
    public boolean windowOpen(String citizen, Instant now) {
        Instant last = lastInbound.get(citizen);
        return last != null && last.plus(WINDOW).isAfter(now);
    }

    /** Moves the citizen's last message back in time, as if they wrote that long ago. */
    public void age(String citizen, Duration by) {
        lastInbound.computeIfPresent(citizen, (c, last) -> last.minus(by));
    }

    public void markUndeliverable(String citizen) {
        undeliverable.add(citizen);
    }

    public boolean isUndeliverable(String citizen) {
        return undeliverable.contains(citizen);
    }

    public void clear() {
        byCitizen.clear();
        lastInbound.clear();
        undeliverable.clear();
        synchronized (sends) {
            sends.clear();
        }
    }

    private void add(String citizen, Item item) {
        List<Item> items = byCitizen.computeIfAbsent(citizen, c -> new ArrayList<>());
        synchronized (items) {
            items.add(item);
        }
    }
}
