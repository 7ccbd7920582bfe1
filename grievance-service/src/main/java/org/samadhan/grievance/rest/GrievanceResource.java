package org.samadhan.grievance.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.samadhan.grievance.InvalidInput;
import org.samadhan.grievance.OfficerActions;
import org.samadhan.grievance.persistence.GrievanceQueries;
import org.samadhan.grievance.workflow.GrievanceAction;
import org.samadhan.grievance.workflow.GrievanceStatus;
import org.samadhan.grievance.workflow.Workflow;

/**
 * The officers' API (OIDC bearer tokens). Every grievance is addressed by its id or number; one outside the caller's
 * department and block answers 404 exactly like one that does not exist. Actions answer the grievance as it now is.
 */
@Path("/api/grievances")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"officer", "department_head", "collector"})
public class GrievanceResource {

    private final OfficerActions actions;
    private final Caller caller;

    public GrievanceResource(OfficerActions actions, Caller caller) {
        this.actions = actions;
        this.caller = caller;
    }

    /** A grievance and what the caller may do with it now (the portal shows these buttons and only these). */
    public record GrievanceView(GrievanceQueries.Detail grievance, List<GrievanceAction> allowedActions) {
    }

    public record AcknowledgeRequest(String note) {
    }

    public record NoteRequest(String text) {
    }

    public record ResolveRequest(String note, String photoRef) {
    }

    public record TransferRequest(String departmentCode, String reason) {
    }

    public record ReassignRequest(String officerId, String block, String reason) {
    }

    @GET
    @Operation(summary = "Grievances in the caller's scope, open and most urgent first")
    public GrievanceQueries.Page list(@QueryParam("status") List<String> status,
                                      @QueryParam("department") String department,
                                      @QueryParam("block") String block,
                                      @QueryParam("overdue") @DefaultValue("false") boolean overdue,
                                      @QueryParam("q") String text,
                                      @QueryParam("page") @DefaultValue("0") int page,
                                      @QueryParam("size") @DefaultValue("20") int size) throws SQLException {
        Paging.check(page, size);
        return actions.list(caller.scope(), new GrievanceQueries.Filter(statuses(status),
                InvalidInput.optionalText("department", department, 40), InvalidInput.optionalText("block", block, 100),
                overdue, InvalidInput.optionalText("q", text, 200), page, size));
    }

    /** A literal segment, so JAX-RS matches it before {@code /{ref}} (no grievance reference reads "counts"). */
    @GET
    @Path("/counts")
    @Operation(summary = "The worklist's tab counts in the caller's scope",
            description = "new (ASSIGNED), inProgress, reopened, overdue (open and past due) and awaitingCitizen "
                    + "(RESOLVED): each equals the list's total for that tab with the same department, block and q")
    public GrievanceQueries.Counts counts(@QueryParam("department") String department,
                                          @QueryParam("block") String block,
                                          @QueryParam("q") String text) throws SQLException {
        return actions.counts(caller.scope(), new GrievanceQueries.Filter(List.of(),
                InvalidInput.optionalText("department", department, 40), InvalidInput.optionalText("block", block, 100),
                false, InvalidInput.optionalText("q", text, 200), 0, 1));
    }

    @GET
    @Path("/{ref}")
    @Operation(summary = "One grievance with its full history")
    public GrievanceView get(@PathParam("ref") String reference) throws SQLException {
        return view(actions.get(caller.scope(), reference));
    }

    @POST
    @Path("/{ref}/acknowledge")
    @Operation(summary = "The assignee saw it and starts work")
    public GrievanceView acknowledge(@PathParam("ref") String reference, AcknowledgeRequest body)
            throws SQLException {
        return view(actions.acknowledge(caller.scope(), reference, body == null ? null : body.note()));
    }

    @POST
    @Path("/{ref}/notes")
    @Operation(summary = "An internal note; it never moves the deadline")
    public GrievanceView addNote(@PathParam("ref") String reference, NoteRequest body) throws SQLException {
        return view(actions.addNote(caller.scope(), reference, body == null ? null : body.text()));
    }

    @POST
    @Path("/{ref}/resolve")
    @Operation(summary = "Done, with the action taken; the citizen is asked to confirm")
    public GrievanceView resolve(@PathParam("ref") String reference, ResolveRequest body) throws SQLException {
        return view(actions.resolve(caller.scope(), reference, body == null ? null : body.note(),
                body == null ? null : body.photoRef()));
    }

    @POST
    @Path("/{ref}/transfer")
    @Operation(summary = "Belongs to another department: handed over with a reason")
    public GrievanceView transfer(@PathParam("ref") String reference, TransferRequest body) throws SQLException {
        return view(actions.transfer(caller.scope(), reference, body == null ? null : body.departmentCode(),
                body == null ? null : body.reason()));
    }

    @POST
    @Path("/{ref}/reassign")
    @Operation(summary = "Another officer of the department takes it (department head or collector)")
    public GrievanceView reassign(@PathParam("ref") String reference, ReassignRequest body) throws SQLException {
        return view(actions.reassign(caller.scope(), reference, body == null ? null : body.officerId(),
                body == null ? null : body.block(), body == null ? null : body.reason()));
    }

    private GrievanceView view(GrievanceQueries.Detail detail) {
        return new GrievanceView(detail,
                Workflow.allowedActions(detail.status(), caller.scope().role(), detail.level()));
    }

    private static List<GrievanceStatus> statuses(List<String> values) {
        List<GrievanceStatus> statuses = new ArrayList<>();
        for (String value : values == null ? List.<String>of() : values) {
            for (String name : value.split(",")) {
                if (name.isBlank()) {
                    continue;
                }
                try {
                    statuses.add(GrievanceStatus.valueOf(name.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    throw new InvalidInput("status", "status must be among " + List.of(GrievanceStatus.values()));
                }
            }
        }
        return statuses;
    }
}
