package org.samadhan.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.samadhan.contracts.grievance.GrievanceEvent;

/**
 * One grievance's events as grievance-service publishes them, built step by step for tests: versions from 1 without
 * gaps, statuses following the workflow, holders changing as the ladder says.
 */
public final class Lifecycle {

    private final String id = UUID.randomUUID().toString();
    private final String district;
    private final String number;
    private final String citizenRef;
    private final List<GrievanceEvent> events = new ArrayList<>();
    private Instant at;
    private String status;
    private String department;
    private String block;
    private String officer;
    private Integer level;
    private Instant dueAt;

    public Lifecycle(int number, Instant registeredAt, String citizenRef) {
        this("BLD", number, registeredAt, citizenRef);
    }

    /** A grievance of another district than the service's, whose figures no review of the tests' district shows. */
    public Lifecycle(String district, int number, Instant registeredAt, String citizenRef) {
        this.district = district;
        this.number = district + "-2026-" + String.format("%06d", number);
        this.at = registeredAt;
        this.citizenRef = citizenRef;
    }

    public String id() {
        return id;
    }

    public List<GrievanceEvent> events() {
        return List.copyOf(events);
    }

    public Lifecycle register(String block) {
        this.block = block;
        return add("REGISTER", "REGISTERED", null, null, null, "हैंडपंप खराब है, पानी नहीं आ रहा");
    }

    public Lifecycle assign(Duration after, String department, String officer, Duration serviceLevel) {
        at = at.plus(after);
        this.department = department;
        this.officer = officer;
        this.level = 1;
        this.dueAt = at.plus(serviceLevel);
        return add("ASSIGN", "ASSIGNED", null, null, null, null);
    }

    public Lifecycle acknowledge(Duration after) {
        at = at.plus(after);
        return add("ACKNOWLEDGE", "IN_PROGRESS", null, null, null, null);
    }

    /** An officer's note: the status and holder stay. */
    public Lifecycle note(Duration after) {
        at = at.plus(after);
        return add("ADD_NOTE", status, null, null, null, null);
    }

    /** The deadline watch's reminder to the holder: nothing else changes. */
    public Lifecycle remind(Duration after) {
        at = at.plus(after);
        return add("REMIND", status, null, null, null, null);
    }

    public Lifecycle resolve(Duration after) {
        at = at.plus(after);
        return add("RESOLVE", "RESOLVED", null, null, null, null);
    }

    public Lifecycle confirm(Duration after, Integer rating) {
        at = at.plus(after);
        return add("CONFIRM_RESOLVED", "CLOSED_VERIFIED", null, rating, null, null);
    }

    public Lifecycle expire(Duration after) {
        at = at.plus(after);
        return add("EXPIRE_FEEDBACK", "CLOSED_UNVERIFIED", null, null, null, null);
    }

    /** Not satisfied: one level up, to {@code above}; at the top it stays and is disputed. */
    public Lifecycle reject(Duration after, String above, Duration serviceLevel) {
        at = at.plus(after);
        boolean top = level >= 3;
        String previous = top ? null : officer;
        if (!top) {
            officer = above;
            level = level + 1;
        }
        dueAt = at.plus(serviceLevel);
        return add("REJECT_RESOLUTION", "REOPENED", previous, null, top, null);
    }

    public Lifecycle escalate(Duration after, String above, Duration serviceLevel) {
        at = at.plus(after);
        String previous = officer;
        officer = above;
        level = level + 1;
        dueAt = at.plus(serviceLevel);
        return add("ESCALATE", status, previous, null, null, null);
    }

    public Lifecycle transfer(Duration after, String toDepartment, String toOfficer, Duration serviceLevel) {
        at = at.plus(after);
        String previous = officer;
        department = toDepartment;
        officer = toOfficer;
        level = 1;
        dueAt = at.plus(serviceLevel);
        return add("TRANSFER", "ASSIGNED", previous, null, null, null);
    }

    private Lifecycle add(String action, String toStatus, String previousOfficer, Integer rating, Boolean disputed,
                          String description) {
        String from = status;
        status = toStatus;
        int version = events.size() + 1;
        events.add(new GrievanceEvent(UUID.nameUUIDFromBytes((id + "/" + version).getBytes()).toString(),
                GrievanceEvent.eventTypeOf(action), at, district, id, number, version, action, from, toStatus,
                new GrievanceEvent.Actor("test", "SYSTEM"), null, citizenRef, "hi", department, block, officer, level,
                dueAt, rating, description, null, previousOfficer, disputed));
        return this;
    }
}
