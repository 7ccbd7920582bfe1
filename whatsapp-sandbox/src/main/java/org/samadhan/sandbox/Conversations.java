package org.samadhan.sandbox;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 * What the sandbox has seen, as the citizens' phones would show it: each citizen's conversation in order with the
 * ticks of each message, when they last wrote (the 24-hour window), which numbers cannot receive messages, and every
 * accepted send (for rate checks).
 */
@ApplicationScoped
public class Conversations {

    /**
     * One message in a conversation: inbound as the webhook message object, outbound as the send request; with its
     * ticks once there are any ({@code status}: sent, delivered, read or failed, with the {@code error} if failed).
     */
    public record Item(String direction, Instant timestamp, String id, JsonNode message,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String status,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Failure error) {

        Item with(Tick tick) {
            return tick == null ? this : new Item(direction, timestamp, id, message, tick.status(), tick.error());
        }
    }

    /** Why a message failed, as its failed status says. */
    public record Failure(int code, String title) {
    }

    /** How far a message got: sent, then delivered, then read (whatever order they are reported in), or failed. */
    private record Tick(String status, Failure error) {

        private static final List<String> ORDER = List.of("sent", "delivered", "read");

        Tick after(Tick next) {
            if ("failed".equals(status) || "failed".equals(next.status())) {
                return "failed".equals(status) ? this : next;
            }
            return ORDER.indexOf(next.status()) > ORDER.indexOf(status) ? next : this;
        }
    }

    /** An accepted send, when it arrived. */
    public record Send(String id, String to, Instant receivedAt, String type) {
    }

    private static final Duration WINDOW = Duration.ofHours(24);

    private final Map<String, List<Item>> byCitizen = new ConcurrentHashMap<>();
    private final Map<String, Tick> ticks = new ConcurrentHashMap<>();
    private final Map<String, String> inboundCitizen = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastInbound = new ConcurrentHashMap<>();
    private final Set<String> undeliverable = ConcurrentHashMap.newKeySet();
    private final List<Send> sends = new ArrayList<>();

    /** A citizen's message, on its way to the business: one tick until the webhook is answered 200. */
    public void inbound(String citizen, String id, JsonNode message, Instant at) {
        add(citizen, new Item("in", at, id, message, null, null));
        inboundCitizen.put(id, citizen);
        reported(id, "sent", null);
        lastInbound.put(citizen, at);
    }

    public void outbound(String citizen, String id, JsonNode request, Instant at) {
        add(citizen, new Item("out", at, id, request, null, null));
        synchronized (sends) {
            sends.add(new Send(id, citizen, at, request.path("type").asText("text")));
        }
    }

    public List<Item> of(String citizen) {
        List<Item> items = byCitizen.getOrDefault(citizen, List.of());
        synchronized (items) {
            return items.stream().map(item -> item.with(ticks.get(item.id()))).toList();
        }
    }

    /**
     * A message got this far: {@code sent}, {@code delivered} or {@code read} (a later state is never undone by an
     * earlier one reported after it), or {@code failed} with the error (for good).
     */
    public void reported(String id, String status, Failure error) {
        ticks.merge(id, new Tick(status, error), Tick::after);
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

    /**
     * The business marked a citizen's message read, which (as on WhatsApp) marks the citizen's earlier messages read
     * too; false if no citizen sent a message with this id.
     */
    public boolean markRead(String inboundId) {
        String citizen = inboundCitizen.get(inboundId);
        if (citizen == null) {
            return false;
        }
        for (Item item : of(citizen)) {
            if ("in".equals(item.direction())) {
                reported(item.id(), "read", null);
            }
            if (item.id().equals(inboundId)) {
                break;
            }
        }
        return true;
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
        ticks.clear();
        inboundCitizen.clear();
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
