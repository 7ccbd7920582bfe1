package org.samadhan.grievance;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jboss.logging.Logger;
import org.samadhan.contracts.Departments;
import org.samadhan.grievance.persistence.GrievanceQueries;
import org.samadhan.grievance.persistence.GrievanceRow;
import org.samadhan.grievance.persistence.GrievanceStore;
import org.samadhan.messaging.Transactions;
import org.samadhan.grievance.workflow.GrievanceAction;
import org.samadhan.grievance.workflow.Role;
import org.samadhan.grievance.workflow.Workflow;
import org.samadhan.grievance.workflow.TransitionRefused;

/**
 * What officials do on the portal: acknowledge, note, resolve, transfer, reassign, always within their scope and
 * through the workflow. Each call is one transaction: the change, its history row and its event, or nothing.
 */
@ApplicationScoped
public class OfficerActions {

    private static final Logger LOG = Logger.getLogger(OfficerActions.class);
    static final int NOTE_LIMIT = 2000;

    private final AgroalDataSource dataSource;
    private final GrievanceLifecycle lifecycle;
    private final Ladders ladders;
    private final Clock clock = Clock.systemUTC();

    public OfficerActions(AgroalDataSource dataSource, GrievanceLifecycle lifecycle, Ladders ladders) {
        this.dataSource = dataSource;
        this.lifecycle = lifecycle;
        this.ladders = ladders;
    }

    public GrievanceQueries.Page list(OfficerScope scope, GrievanceQueries.Filter filter) throws SQLException {
        return Transactions.inTransaction(dataSource, c -> GrievanceQueries.list(c, scope, filter, Instant.now(clock)));
    }

    /** The worklist's tab counts under the same scope and narrowing as {@link #list}. */
    public GrievanceQueries.Counts counts(OfficerScope scope, GrievanceQueries.Filter filter) throws SQLException {
        return Transactions.inTransaction(dataSource,
                c -> GrievanceQueries.counts(c, scope, filter, Instant.now(clock)));
    }

    public GrievanceQueries.Detail get(OfficerScope scope, String reference) throws SQLException {
        return Transactions.inTransaction(dataSource,
                c -> GrievanceQueries.detail(c, visible(c, scope, reference), Instant.now(clock)));
    }

    public GrievanceQueries.Detail acknowledge(OfficerScope scope, String reference, String note) throws SQLException {
        String text = InvalidInput.optionalText("note", note, NOTE_LIMIT);
        return act(scope, reference, GrievanceAction.ACKNOWLEDGE, text, (c, row, now) -> UnaryOperator.identity());
    }

    public GrievanceQueries.Detail addNote(OfficerScope scope, String reference, String note) throws SQLException {
        String text = InvalidInput.requireText("text", note, NOTE_LIMIT);
        return act(scope, reference, GrievanceAction.ADD_NOTE, text, (c, row, now) -> UnaryOperator.identity());
    }

    /** Resolution needs the action taken; the citizen then has the feedback window to confirm or reject it. */
    public GrievanceQueries.Detail resolve(OfficerScope scope, String reference, String note, String photoRef)
            throws SQLException {
        String text = InvalidInput.requireText("note", note, NOTE_LIMIT);
        String photo = InvalidInput.optionalText("photoRef", photoRef, 500);
        return act(scope, reference, GrievanceAction.RESOLVE, text,
                (c, row, now) -> r -> r.resolvedWith(text, photo, now.plus(lifecycle.feedbackWindow())));
    }

    /**
     * To another department, whose ladder it starts at level 1 (the block's officer there) with that department's
     * service level; the reason is required.
     */
    public GrievanceQueries.Detail transfer(OfficerScope scope, String reference, String department, String reason)
            throws SQLException {
        String target = InvalidInput.requireText("departmentCode", department, 40);
        if (!Departments.isKnown(target)) {
            throw new InvalidInput("departmentCode", "departmentCode must be one of " + Departments.CODES);
        }
        String why = InvalidInput.requireText("reason", reason, NOTE_LIMIT);
        return act(scope, reference, GrievanceAction.TRANSFER, "To " + target + ": " + why, (c, row, now) -> {
            if (target.equals(row.departmentCode())) {
                throw new TransitionRefused("The grievance is already with " + target);
            }
            Ladders.Placement first = ladders.first(c, row.districtCode(), target, row.block(), now);
            return r -> r.placedWith(target, null, first.officerId(), first.level(), first.dueAt());
        });
    }

    /**
     * To another official of the same department (and possibly block) in the directory, at the grievance's level or
     * above, so that handing it on never undoes an escalation; the deadline does not move.
     */
    public GrievanceQueries.Detail reassign(OfficerScope scope, String reference, String officerId, String block,
                                           String reason) throws SQLException {
        String officer = InvalidInput.requireText("officerId", officerId, 200);
        String newBlock = InvalidInput.optionalText("block", block, 100);
        String why = InvalidInput.optionalText("reason", reason, NOTE_LIMIT);
        return act(scope, reference, GrievanceAction.REASSIGN, "To " + officer + (why == null ? "" : ": " + why),
                (c, row, now) -> {
                    var official = ladders.official(c, row.districtCode(), officer).orElseThrow(() ->
                            new InvalidInput("officerId", "No official " + officer + " in the directory"));
                    boolean ofDepartment = "COLLECTOR".equals(official.role())
                            || row.departmentCode().equals(official.departmentCode());
                    if (!ofDepartment || Role.valueOf(official.role()).level() < row.level()) {
                        throw new InvalidInput("officerId", officer + " is not an official of " + row.departmentCode()
                                + " at level " + row.level() + " or above");
                    }
                    return r -> r.placedWith(r.departmentCode(), newBlock, officer, r.level(), r.dueAt());
                });
    }

    /** Looks up what an action needs (on the locked row, after the workflow allowed it), then says what it changes. */
    private interface Change {
        UnaryOperator<GrievanceRow> prepare(Connection c, GrievanceRow row, Instant now) throws SQLException;
    }

    private GrievanceQueries.Detail act(OfficerScope scope, String reference, GrievanceAction action, String reason,
                                        Change change) throws SQLException {
        return Transactions.inTransaction(dataSource, c -> {
            UUID id = visible(c, scope, reference);
            Instant now = Instant.now(clock);
            GrievanceRow row = GrievanceStore.lock(c, id);
            if (!scope.covers(row.departmentCode(), row.block())) {
                throw NotFound.grievance(reference); // moved out of scope since it was found
            }
            Workflow.next(row.status(), action, scope.role(), row.level()); // refusals before anything is looked up
            UnaryOperator<GrievanceRow> changes = change.prepare(c, row, now);
            var event = lifecycle.apply(c, row, action, new GrievanceLifecycle.Actor(scope.userId(), scope.role()),
                    reason, changes, now);
            LOG.infof("%s %s by %s (%s)", action, event.grievanceNumber(), scope.userId(), scope.role());
            return GrievanceQueries.detail(c, id, now);
        });
    }

    private static UUID visible(Connection c, OfficerScope scope, String reference) throws SQLException {
        UUID id = GrievanceQueries.find(c, reference, scope);
        if (id == null) {
            throw NotFound.grievance(reference);
        }
        return id;
    }
}
