package org.samadhan.grievance.workflow;

import static org.samadhan.grievance.workflow.GrievanceAction.ACKNOWLEDGE;
import static org.samadhan.grievance.workflow.GrievanceAction.ADD_NOTE;
import static org.samadhan.grievance.workflow.GrievanceAction.ASSIGN;
import static org.samadhan.grievance.workflow.GrievanceAction.CONFIRM_RESOLVED;
import static org.samadhan.grievance.workflow.GrievanceAction.ESCALATE;
import static org.samadhan.grievance.workflow.GrievanceAction.EXPIRE_FEEDBACK;
import static org.samadhan.grievance.workflow.GrievanceAction.REASSIGN;
import static org.samadhan.grievance.workflow.GrievanceAction.REJECT_RESOLUTION;
import static org.samadhan.grievance.workflow.GrievanceAction.REMIND;
import static org.samadhan.grievance.workflow.GrievanceAction.RESOLVE;
import static org.samadhan.grievance.workflow.GrievanceAction.TRANSFER;
import static org.samadhan.grievance.workflow.GrievanceStatus.ASSIGNED;
import static org.samadhan.grievance.workflow.GrievanceStatus.CLOSED_UNVERIFIED;
import static org.samadhan.grievance.workflow.GrievanceStatus.CLOSED_VERIFIED;
import static org.samadhan.grievance.workflow.GrievanceStatus.IN_PROGRESS;
import static org.samadhan.grievance.workflow.GrievanceStatus.REGISTERED;
import static org.samadhan.grievance.workflow.GrievanceStatus.REOPENED;
import static org.samadhan.grievance.workflow.GrievanceStatus.RESOLVED;
import static org.samadhan.grievance.workflow.Role.CITIZEN;
import static org.samadhan.grievance.workflow.Role.COLLECTOR;
import static org.samadhan.grievance.workflow.Role.DEPARTMENT_HEAD;
import static org.samadhan.grievance.workflow.Role.OFFICER;
import static org.samadhan.grievance.workflow.Role.SYSTEM;
import static org.samadhan.grievance.workflow.Transition.UNCHANGED;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The grievance lifecycle as data: one row per action (README "Workflow" shows the same table). Lessons built in:
 * officers cannot close anything (only the citizen's answer or its absence does), a wrong department transfers
 * instead of rejecting, a citizen's "not satisfied" reopens with the official a level higher rather than with the same
 * officer, and once a grievance has moved up, the officials below can no longer act on it.
 */
public final class Workflow {

    private static final Set<GrievanceStatus> OPEN = Set.of(ASSIGNED, IN_PROGRESS, REOPENED);
    private static final Set<Role> STAFF = Set.of(OFFICER, DEPARTMENT_HEAD, COLLECTOR);

    private static final boolean HOLDERS = true;
    private static final boolean ANYONE = false;

    /** Every transition, in the order a grievance usually meets them. */
    public static final List<Transition> TRANSITIONS = List.of(
            new Transition(ASSIGN, Set.of(REGISTERED), Set.of(SYSTEM), ASSIGNED, ANYONE),
            new Transition(ACKNOWLEDGE, Set.of(ASSIGNED, REOPENED), STAFF, IN_PROGRESS, HOLDERS),
            new Transition(ADD_NOTE, OPEN, STAFF, UNCHANGED, ANYONE),
            new Transition(RESOLVE, OPEN, STAFF, RESOLVED, HOLDERS),
            new Transition(TRANSFER, OPEN, STAFF, ASSIGNED, HOLDERS),
            new Transition(REASSIGN, OPEN, Set.of(DEPARTMENT_HEAD, COLLECTOR), ASSIGNED, HOLDERS),
            new Transition(REMIND, OPEN, Set.of(SYSTEM), UNCHANGED, ANYONE),
            new Transition(ESCALATE, OPEN, Set.of(SYSTEM), UNCHANGED, ANYONE),
            new Transition(CONFIRM_RESOLVED, Set.of(RESOLVED), Set.of(CITIZEN), CLOSED_VERIFIED, ANYONE),
            new Transition(REJECT_RESOLUTION, Set.of(RESOLVED), Set.of(CITIZEN), REOPENED, ANYONE),
            new Transition(EXPIRE_FEEDBACK, Set.of(RESOLVED), Set.of(SYSTEM), CLOSED_UNVERIFIED, ANYONE));

    private static final Map<GrievanceAction, Transition> BY_ACTION = new EnumMap<>(GrievanceAction.class);

    static {
        TRANSITIONS.forEach(t -> {
            if (BY_ACTION.put(t.action(), t) != null) {
                throw new IllegalStateException("Two rows for " + t.action());
            }
        });
    }

    private Workflow() {
    }

    /**
     * The state a grievance at ladder {@code level} moves to when {@code role} takes {@code action} in
     * {@code current}.
     *
     * @throws TransitionRefused saying why, when the workflow does not allow it
     */
    public static GrievanceStatus next(GrievanceStatus current, GrievanceAction action, Role role, int level) {
        Transition transition = BY_ACTION.get(action);
        if (transition == null) {
            throw new TransitionRefused("Unknown action " + action);
        }
        if (!transition.from().contains(current)) {
            throw new TransitionRefused(current.isClosed()
                    ? "The grievance is closed (" + current + ")"
                    : action + " is not possible while the grievance is " + current);
        }
        if (!transition.roles().contains(role)) {
            throw new TransitionRefused(action + " is not open to the " + role.name().toLowerCase() + " role");
        }
        if (!transition.openAtLevel(role, level)) {
            throw new TransitionRefused("Escalated to the " + Role.atLevel(level).title() + ": only they (or above) "
                    + "can " + action.name().toLowerCase().replace('_', ' ') + " it now; you can still add a note");
        }
        return transition.next(current);
    }

    /** What {@code role} may do now on a grievance at ladder {@code level}: the portal shows these and only these. */
    public static List<GrievanceAction> allowedActions(GrievanceStatus current, Role role, int level) {
        return TRANSITIONS.stream()
                .filter(t -> t.from().contains(current) && t.roles().contains(role) && t.openAtLevel(role, level))
                .map(Transition::action)
                .toList();
    }
}
