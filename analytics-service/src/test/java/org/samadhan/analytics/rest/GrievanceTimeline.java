package org.samadhan.analytics.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.samadhan.contracts.Json;
import org.samadhan.contracts.Topics;
import org.samadhan.contracts.grievance.GrievanceEvent;
import org.samadhan.testsupport.ContractAssertions;
import org.samadhan.testsupport.KafkaTestClient;

/**
 * One grievance's events as grievance-service publishes them: versions 1..n without gaps, statuses as its workflow
 * moves them, every event carrying the grievance's state after it (department, block, holder, level, deadline), the
 * previous holder when the holder changed, and {@code disputed} once the citizen rejected the collector's resolution.
 * Times are written in the district's time (IST), e.g. {@code "2026-11-02 09:00"}.
 */
final class GrievanceTimeline {

    static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    private static final DateTimeFormatter WRITTEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final String id = UUID.randomUUID().toString();
    private final String number;
    private final String citizenRef;
    private final List<GrievanceEvent> events = new ArrayList<>();
    private String status;
    private String department;
    private String block;
    private String officer;
    private int level = 1;
    private Instant due;
    private boolean disputed;

    private GrievanceTimeline(String number, String citizenRef) {
        this.number = number;
        this.citizenRef = citizenRef;
    }

    /** The instant of an IST wall-clock time. */
    static Instant ist(String written) {
        return LocalDateTime.parse(written, WRITTEN).atZone(IST).toInstant();
    }

    /** Filed by the citizen on WhatsApp; {@code block} is where they said it is (null: they did not say). */
    static GrievanceTimeline register(String at, String number, String citizenRef, String block, String description) {
        var g = new GrievanceTimeline(number, citizenRef);
        g.block = block;
        g.status = "REGISTERED";
        g.add(at, "REGISTER", new GrievanceEvent.Actor(citizenRef, "CITIZEN"), null, null, null, description);
        return g;
    }

    /** Routing's decision: the department's officer for the block at level 1, due after the department's service level. */
    GrievanceTimeline assign(String at, String toDepartment) {
        department = toDepartment;
        officer = ReviewDirectory.officer(toDepartment, block);
        level = 1;
        due = ist(at).plus(ReviewDirectory.serviceLevel(toDepartment));
        return move(at, "ASSIGN", "ASSIGNED", system("routing-service"), "keywords matched (confidence 0.93)", null);
    }

    GrievanceTimeline acknowledge(String at) {
        return move(at, "ACKNOWLEDGE", "IN_PROGRESS", holder(), "टीम कल मौके पर जाएगी", null);
    }

    GrievanceTimeline note(String at) {
        return move(at, "ADD_NOTE", status, holder(), "ठेकेदार को पत्र भेजा गया", null);
    }

    GrievanceTimeline remind(String at) {
        return move(at, "REMIND", status, system("deadline-watch"), "Due " + due, null);
    }

    GrievanceTimeline resolve(String at) {
        return move(at, "RESOLVE", "RESOLVED", holder(), "हैंडपंप का वाशर बदला गया, पानी आ रहा है", null);
    }

    /** The deadline passed: to the official one level up, with the escalated service level. */
    GrievanceTimeline escalate(String at) {
        String reason = "Deadline " + due + " passed at level " + level;
        String previous = officer;
        up(at);
        return moveFrom(at, "ESCALATE", status, system("deadline-watch"), reason, null, previous);
    }

    /** To another department's officer for the same block, at level 1 with that department's service level. */
    GrievanceTimeline transfer(String at, String toDepartment) {
        GrievanceEvent.Actor by = holder();
        String previous = officer;
        String reason = "To " + toDepartment + ": गाँव की नल-जल योजना पंचायत की है";
        department = toDepartment;
        officer = ReviewDirectory.officer(toDepartment, block);
        level = 1;
        due = ist(at).plus(ReviewDirectory.serviceLevel(toDepartment));
        return moveFrom(at, "TRANSFER", "ASSIGNED", by, reason, null, previous);
    }

    /** By the department head, to another block's officer; level and deadline stay. */
    GrievanceTimeline reassign(String at, String toBlock) {
        String previous = officer;
        block = toBlock;
        officer = ReviewDirectory.officer(department, toBlock);
        return moveFrom(at, "REASSIGN", "ASSIGNED", new GrievanceEvent.Actor(ReviewDirectory.head(department),
                "DEPARTMENT_HEAD"), "To " + officer + ": अधिकारी अवकाश पर हैं", null, previous);
    }

    /** The citizen is satisfied; {@code rating} may be null. */
    GrievanceTimeline confirm(String at, Integer rating) {
        return move(at, "CONFIRM_RESOLVED", "CLOSED_VERIFIED", citizen(), "धन्यवाद, काम हो गया", rating);
    }

    /** The citizen is not satisfied: one level up with a fresh deadline; at the top it stays with the collector, disputed. */
    GrievanceTimeline reject(String at) {
        String previous = officer;
        if (level == 3) {
            disputed = true;
        }
        up(at);
        return moveFrom(at, "REJECT_RESOLUTION", "REOPENED", citizen(), "अभी भी पानी नहीं आ रहा", null, previous);
    }

    /** The citizen did not answer within the feedback window. */
    GrievanceTimeline expire(String at) {
        return move(at, "EXPIRE_FEEDBACK", "CLOSED_UNVERIFIED", system("deadline-watch"), "No answer from the citizen",
                null);
    }

    /**
     * Publishes the grievances' events on {@code grievance.events.v1} keyed by grievance id, each grievance's in
     * version order, after checking each against the published schema.
     */
    static void publish(List<GrievanceTimeline> grievances) {
        int longest = grievances.stream().mapToInt(g -> g.events.size()).max().orElse(0);
        for (int i = 0; i < longest; i++) {
            Map<String, String> round = new LinkedHashMap<>();
            for (GrievanceTimeline g : grievances) {
                if (i < g.events.size()) {
                    String json = json(g.events.get(i));
                    ContractAssertions.assertValid(Topics.GRIEVANCE_EVENTS, json);
                    round.put(g.id, json);
                }
            }
            KafkaTestClient.produce(Topics.GRIEVANCE_EVENTS, round);
        }
    }

    String id() {
        return id;
    }

    List<GrievanceEvent> events() {
        return List.copyOf(events);
    }

    private void up(String at) {
        level = Math.min(level + 1, 3);
        officer = ReviewDirectory.holder(department, block, level);
        due = ist(at).plus(ReviewDirectory.ESCALATED);
    }

    private GrievanceTimeline move(String at, String action, String to, GrievanceEvent.Actor actor, String reason,
                                   Integer rating) {
        return moveFrom(at, action, to, actor, reason, rating, officer);
    }

    private GrievanceTimeline moveFrom(String at, String action, String to, GrievanceEvent.Actor actor, String reason,
                                       Integer rating, String previousHolder) {
        String from = status;
        status = to;
        add(at, action, actor, from, reason, rating, null,
                previousHolder == null || previousHolder.equals(officer) ? null : previousHolder);
        return this;
    }

    private void add(String at, String action, GrievanceEvent.Actor actor, String from, String reason, Integer rating,
                     String description) {
        add(at, action, actor, from, reason, rating, description, null);
    }

    private void add(String at, String action, GrievanceEvent.Actor actor, String from, String reason, Integer rating,
                     String description, String previousHolder) {
        long version = events.size() + 1;
        Instant when = ist(at);
        if (!events.isEmpty() && when.isBefore(events.get(events.size() - 1).occurredAt())) {
            throw new IllegalArgumentException(number + ": " + action + " at " + at + " is before the previous event");
        }
        String eventId = UUID.nameUUIDFromBytes((id + "/" + version).getBytes(StandardCharsets.UTF_8)).toString();
        events.add(new GrievanceEvent(eventId, GrievanceEvent.eventTypeOf(action), when, "BLD", id, number, version,
                action, from, status, actor, reason, citizenRef, "hi", department, block, officer, level, due,
                rating, description, null, previousHolder, disputed ? true : null));
    }

    private static String json(GrievanceEvent event) {
        try {
            return Json.mapper().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private GrievanceEvent.Actor holder() {
        return new GrievanceEvent.Actor(officer, level == 1 ? "OFFICER" : level == 2 ? "DEPARTMENT_HEAD" : "COLLECTOR");
    }

    private GrievanceEvent.Actor citizen() {
        return new GrievanceEvent.Actor(citizenRef, "CITIZEN");
    }

    private static GrievanceEvent.Actor system(String id) {
        return new GrievanceEvent.Actor(id, "SYSTEM");
    }
}
