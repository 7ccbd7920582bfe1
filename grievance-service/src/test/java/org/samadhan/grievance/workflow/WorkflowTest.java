package org.samadhan.grievance.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Enumerates every (state, action, role): the allowed ones lead where the specification below says, all others are
 * refused. The specification is written here independently of {@link Workflow}, as the product defines it.
 */
class WorkflowTest {

    /** action | from states | roles | to ("=" keeps the state). */
    private static final String SPECIFICATION = """
            ASSIGN            | REGISTERED                    | SYSTEM                               | ASSIGNED
            ACKNOWLEDGE       | ASSIGNED REOPENED             | OFFICER DEPARTMENT_HEAD COLLECTOR    | IN_PROGRESS
            ADD_NOTE          | ASSIGNED IN_PROGRESS REOPENED | OFFICER DEPARTMENT_HEAD COLLECTOR    | =
            RESOLVE           | ASSIGNED IN_PROGRESS REOPENED | OFFICER DEPARTMENT_HEAD COLLECTOR    | RESOLVED
            TRANSFER          | ASSIGNED IN_PROGRESS REOPENED | OFFICER DEPARTMENT_HEAD COLLECTOR    | ASSIGNED
            REASSIGN          | ASSIGNED IN_PROGRESS REOPENED | DEPARTMENT_HEAD COLLECTOR            | ASSIGNED
            REMIND            | ASSIGNED IN_PROGRESS REOPENED | SYSTEM                               | =
            ESCALATE          | ASSIGNED IN_PROGRESS REOPENED | SYSTEM                               | =
            CONFIRM_RESOLVED  | RESOLVED                      | CITIZEN                              | CLOSED_VERIFIED
            REJECT_RESOLUTION | RESOLVED                      | CITIZEN                              | REOPENED
            EXPIRE_FEEDBACK   | RESOLVED                      | SYSTEM                               | CLOSED_UNVERIFIED
            """;

    private record Row(Set<GrievanceStatus> from, Set<Role> roles, String to) {
    }

    @Test
    void everyStateActionAndRoleIsEitherTheSpecifiedTransitionOrRefused() {
        Map<GrievanceAction, Row> spec = specification();
        assertEquals(EnumSet.allOf(GrievanceAction.class), EnumSet.copyOf(spec.keySet()), "every action is specified");
        int allowed = 0;
        int refused = 0;
        for (GrievanceStatus state : GrievanceStatus.values()) {
            for (GrievanceAction action : GrievanceAction.values()) {
                for (Role role : Role.values()) {
                    Row row = spec.get(action);
                    if (row.from().contains(state) && row.roles().contains(role)) {
                        GrievanceStatus expected = row.to().equals("=") ? state : GrievanceStatus.valueOf(row.to());
                        assertEquals(expected, Workflow.next(state, action, role), state + " " + action + " " + role);
                        allowed++;
                    } else {
                        assertThrows(TransitionRefused.class, () -> Workflow.next(state, action, role),
                                state + " " + action + " " + role + " must be refused");
                        refused++;
                    }
                }
            }
        }
        assertEquals(GrievanceStatus.values().length * GrievanceAction.values().length * Role.values().length,
                allowed + refused);
        assertEquals(49, allowed, "allowed combinations");
    }

    @Test
    void noOfficialCanCloseAGrievanceOnlyTheCitizenOrTheFeedbackDeadline() {
        for (GrievanceStatus state : GrievanceStatus.values()) {
            for (Role role : List.of(Role.OFFICER, Role.DEPARTMENT_HEAD, Role.COLLECTOR)) {
                for (GrievanceAction action : Workflow.allowedActions(state, role)) {
                    assertTrue(!Workflow.next(state, action, role).isClosed(), role + " closed it with " + action);
                }
            }
        }
    }

    @Test
    void closedGrievancesAcceptNothingAndSayWhy() {
        var refused = assertThrows(TransitionRefused.class,
                () -> Workflow.next(GrievanceStatus.CLOSED_VERIFIED, GrievanceAction.ADD_NOTE, Role.COLLECTOR));
        assertEquals("The grievance is closed (CLOSED_VERIFIED)", refused.getMessage());
        assertEquals(List.of(), Workflow.allowedActions(GrievanceStatus.CLOSED_UNVERIFIED, Role.COLLECTOR));
    }

    @Test
    void refusalsNameTheStateOrTheRole() {
        assertEquals("RESOLVE is not possible while the grievance is RESOLVED",
                assertThrows(TransitionRefused.class,
                        () -> Workflow.next(GrievanceStatus.RESOLVED, GrievanceAction.RESOLVE, Role.OFFICER)).getMessage());
        assertEquals("REASSIGN is not open to the officer role",
                assertThrows(TransitionRefused.class,
                        () -> Workflow.next(GrievanceStatus.ASSIGNED, GrievanceAction.REASSIGN, Role.OFFICER)).getMessage());
    }

    @Test
    void readmeShowsExactlyThisWorkflow() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        for (Transition t : Workflow.TRANSITIONS) {
            String row = "| " + t.action() + " | " + names(t.from()) + " | " + names(t.roles()) + " | "
                    + (t.to() == Transition.UNCHANGED ? "(unchanged)" : t.to()) + " |";
            assertTrue(readme.contains(row), "README lacks the row: " + row);
        }
    }

    private static String names(Set<? extends Enum<?>> values) {
        return values.stream().sorted().map(Enum::name).collect(Collectors.joining(", "));
    }

    private static Map<GrievanceAction, Row> specification() {
        Map<GrievanceAction, Row> spec = new HashMap<>();
        for (String line : SPECIFICATION.strip().split("\n")) {
            List<String> cells = new ArrayList<>(Arrays.stream(line.split("\\|")).map(String::strip).toList());
            spec.put(GrievanceAction.valueOf(cells.get(0)), new Row(
                    Arrays.stream(cells.get(1).split("\\s+")).map(GrievanceStatus::valueOf).collect(Collectors.toSet()),
                    Arrays.stream(cells.get(2).split("\\s+")).map(Role::valueOf).collect(Collectors.toSet()),
                    cells.get(3)));
        }
        return spec;
    }
}
