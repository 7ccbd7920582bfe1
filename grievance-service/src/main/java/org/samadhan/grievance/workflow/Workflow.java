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
 * instead of rejecting, and a citizen's "not satisfied" reopens at a higher level rather than with the same officer.
 */
public final class Workflow {

    private static final Set<GrievanceStatus> OPEN = Set.of(ASSIGNED, IN_PROGRESS, REOPENED);
    private static final Set<Role> STAFF = Set.of(OFFICER, DEPARTMENT_HEAD, COLLECTOR);

    /** Every transition, in the order a grievance usually meets them. */
    public static final List<Transition> TRANSITIONS = List.of(
            new Transition(ASSIGN, Set.of(REGISTERED), Set.of(SYSTEM), ASSIGNED),
            new Transition(ACKNOWLEDGE, Set.of(ASSIGNED, REOPENED), STAFF, IN_PROGRESS),
            new Transition(ADD_NOTE, OPEN, STAFF, UNCHANGED),
            new Transition(RESOLVE, OPEN, STAFF, RESOLVED),
            new Transition(TRANSFER, OPEN, STAFF, ASSIGNED),
            new Transition(REASSIGN, OPEN, Set.of(DEPARTMENT_HEAD, COLLECTOR), ASSIGNED),
            new Transition(REMIND, OPEN, Set.of(SYSTEM), UNCHANGED),
            new Transition(ESCALATE, OPEN, Set.of(SYSTEM), UNCHANGED),
            new Transition(CONFIRM_RESOLVED, Set.of(RESOLVED), Set.of(CITIZEN), CLOSED_VERIFIED),
            new Transition(REJECT_RESOLUTION, Set.of(RESOLVED), Set.of(CITIZEN), REOPENED),
            new Transition(EXPIRE_FEEDBACK, Set.of(RESOLVED), Set.of(SYSTEM), CLOSED_UNVERIFIED));

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
     * The state a grievance moves to when {@code role} takes {@code action} in {@code current}.
     *
     * @throws TransitionRefused saying why, when the workflow does not allow it
     */
    public static GrievanceStatus next(GrievanceStatus current, GrievanceAction action, Role role) {
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
        return transition.next(current);
    }

    /** What {@code role} may do now: the officers' portal shows these and only these. */
    public static List<GrievanceAction> allowedActions(GrievanceStatus current, Role role) {
        return TRANSITIONS.stream()
                .filter(t -> t.from().contains(current) && t.roles().contains(role))
                .map(Transition::action)
                .toList();
    }
}
