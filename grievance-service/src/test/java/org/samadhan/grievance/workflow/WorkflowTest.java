package org.samadhan.grievance.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Enumerates every (state, action, role, level): the allowed ones lead where the rules below say, all others are
 * refused. The rules are written here as the README states them in words (who may do what in which state, and what
 * the ladder changes), not as a table like {@link Workflow}'s, so that a slip in either shows as a difference.
 */
class WorkflowTest {

    private static final List<GrievanceStatus> OPEN =
            List.of(GrievanceStatus.ASSIGNED, GrievanceStatus.IN_PROGRESS, GrievanceStatus.REOPENED);

    /** The README's rules, one sentence each; empty when the rules allow nothing. */
    private static Optional<GrievanceStatus> byTheRules(GrievanceStatus state, GrievanceAction action, Role role,
                                                        int level) {
        boolean official = role == Role.OFFICER || role == Role.DEPARTMENT_HEAD || role == Role.COLLECTOR;
        boolean open = OPEN.contains(state);
        // Those below the grievance's level may still add notes, but nothing else.
        boolean holder = official && role.level() >= level;
        switch (action) {
            case ASSIGN: // routing places a registered grievance
                return role == Role.SYSTEM && state == GrievanceStatus.REGISTERED
                        ? Optional.of(GrievanceStatus.ASSIGNED) : Optional.empty();
            case ACKNOWLEDGE: // the holder starts work on a new or reopened grievance
                return holder && (state == GrievanceStatus.ASSIGNED || state == GrievanceStatus.REOPENED)
                        ? Optional.of(GrievanceStatus.IN_PROGRESS) : Optional.empty();
            case ADD_NOTE: // any official who sees an open grievance may note on it; notes move nothing
                return official && open ? Optional.of(state) : Optional.empty();
            case RESOLVE: // the holder resolves it; then the citizen is asked
                return holder && open ? Optional.of(GrievanceStatus.RESOLVED) : Optional.empty();
            case TRANSFER: // the holder hands it to another department, where it starts again as assigned
                return holder && open ? Optional.of(GrievanceStatus.ASSIGNED) : Optional.empty();
            case REASSIGN: // a department head or the collector, holding it, gives it to another officer
                return holder && open && role != Role.OFFICER ? Optional.of(GrievanceStatus.ASSIGNED)
                        : Optional.empty();
            case REMIND, ESCALATE: // time passing, for open grievances, without changing their state
                return role == Role.SYSTEM && open ? Optional.of(state) : Optional.empty();
            case CONFIRM_RESOLVED: // only the citizen's "satisfied" closes as verified
                return role == Role.CITIZEN && state == GrievanceStatus.RESOLVED
                        ? Optional.of(GrievanceStatus.CLOSED_VERIFIED) : Optional.empty();
            case REJECT_RESOLUTION: // "not satisfied" reopens it
                return role == Role.CITIZEN && state == GrievanceStatus.RESOLVED
                        ? Optional.of(GrievanceStatus.REOPENED) : Optional.empty();
            case EXPIRE_FEEDBACK: // silence closes it as unverified
                return role == Role.SYSTEM && state == GrievanceStatus.RESOLVED
                        ? Optional.of(GrievanceStatus.CLOSED_UNVERIFIED) : Optional.empty();
            default:
                throw new AssertionError("no rule for " + action);
        }
    }

    @Test
    void everyStateActionRoleAndLevelIsEitherWhatTheRulesSayOrRefused() {
        List<String> allowed = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (GrievanceStatus state : GrievanceStatus.values()) {
            for (GrievanceAction action : GrievanceAction.values()) {
                for (Role role : Role.values()) {
                    for (int level = 1; level <= 3; level++) {
                        String what = state + " " + action + " " + role + " at level " + level;
                        Optional<GrievanceStatus> expected = byTheRules(state, action, role, level);
                        final int at = level;
                        if (expected.isPresent()) {
                            assertEquals(expected.get(), Workflow.next(state, action, role, at), what);
                            assertTrue(Workflow.allowedActions(state, role, at).contains(action), what);
                            allowed.add(what);
                        } else {
                            assertThrows(TransitionRefused.class, () -> Workflow.next(state, action, role, at),
                                    what + " must be refused");
                            assertTrue(!Workflow.allowedActions(state, role, at).contains(action), what);
                            refused.add(what);
                        }
                    }
                }
            }
        }
        assertEquals(GrievanceStatus.values().length * GrievanceAction.values().length * Role.values().length * 3,
                allowed.size() + refused.size());
        // Counted by hand from the rules, over the 3 levels: notes 3 officials x 3 open states x 3 levels (27); the
        // holders at levels 1, 2, 3 (3, 2, 1 officials) x (2 acknowledge + 3 resolve + 3 transfer states) (48) and
        // the heads / collector among them (2, 2, 1) x 3 reassign states (15); per level the system's remind and
        // escalate on 3 states, assign and expiry (8), the citizen's two answers (2).
        assertEquals(27 + 48 + 15 + 3 * (8 + 2), allowed.size(), "allowed combinations");
    }

    @Test
    void noOfficialCanCloseAGrievanceOnlyTheCitizenOrTheFeedbackDeadline() {
        for (GrievanceStatus state : GrievanceStatus.values()) {
            for (Role role : List.of(Role.OFFICER, Role.DEPARTMENT_HEAD, Role.COLLECTOR)) {
                for (GrievanceAction action : Workflow.allowedActions(state, role, 1)) {
                    assertTrue(!Workflow.next(state, action, role, 1).isClosed(), role + " closed it with " + action);
                }
            }
        }
    }

    @Test
    void anOfficerWhoseGrievanceMovedUpMayOnlyAddANoteAndIsToldWhoHasItNow() {
        assertEquals(List.of(GrievanceAction.ADD_NOTE),
                Workflow.allowedActions(GrievanceStatus.REOPENED, Role.OFFICER, 2));
        var refused = assertThrows(TransitionRefused.class,
                () -> Workflow.next(GrievanceStatus.REOPENED, GrievanceAction.RESOLVE, Role.OFFICER, 2));
        assertTrue(refused.getMessage().startsWith("Escalated to the department head"), refused.getMessage());
        refused = assertThrows(TransitionRefused.class,
                () -> Workflow.next(GrievanceStatus.IN_PROGRESS, GrievanceAction.TRANSFER, Role.DEPARTMENT_HEAD, 3));
        assertTrue(refused.getMessage().startsWith("Escalated to the collector"), refused.getMessage());
    }

    @Test
    void closedGrievancesAcceptNothingAndSayWhy() {
        var refused = assertThrows(TransitionRefused.class,
                () -> Workflow.next(GrievanceStatus.CLOSED_VERIFIED, GrievanceAction.ADD_NOTE, Role.COLLECTOR, 1));
        assertEquals("The grievance is closed (CLOSED_VERIFIED)", refused.getMessage());
        assertEquals(List.of(), Workflow.allowedActions(GrievanceStatus.CLOSED_UNVERIFIED, Role.COLLECTOR, 1));
    }

    @Test
    void refusalsNameTheStateOrTheRole() {
        assertEquals("RESOLVE is not possible while the grievance is RESOLVED",
                assertThrows(TransitionRefused.class, () -> Workflow.next(GrievanceStatus.RESOLVED,
                        GrievanceAction.RESOLVE, Role.OFFICER, 1)).getMessage());
        assertEquals("REASSIGN is not open to the officer role",
                assertThrows(TransitionRefused.class, () -> Workflow.next(GrievanceStatus.ASSIGNED,
                        GrievanceAction.REASSIGN, Role.OFFICER, 1)).getMessage());
    }

    @Test
    void readmeShowsExactlyThisWorkflow() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        for (Transition t : Workflow.TRANSITIONS) {
            String row = "| " + t.action() + " | " + names(t.from()) + " | " + names(t.roles()) + " | "
                    + (t.to() == Transition.UNCHANGED ? "(unchanged)" : t.to()) + " | "
                    + (t.holdersOnly() ? "holder or above" : "any") + " |";
            assertTrue(readme.contains(row), "README lacks the row: " + row);
        }
    }

    private static String names(java.util.Set<? extends Enum<?>> values) {
        return values.stream().sorted().map(Enum::name).collect(Collectors.joining(", "));
    }
}
