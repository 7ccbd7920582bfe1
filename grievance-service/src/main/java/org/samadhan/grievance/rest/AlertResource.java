package org.samadhan.grievance.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.samadhan.grievance.OfficialAlerts;
import org.samadhan.grievance.persistence.AlertQueries;

/**
 * The signed-in official's own alerts: assignments, reminders, escalations, rejected resolutions and disputes, as
 * notification-service sends them on WhatsApp. The official is the token's name, as for the grievances.
 */
@Path("/api/alerts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"officer", "department_head", "collector"})
public class AlertResource {

    private final OfficialAlerts alerts;
    private final Caller caller;

    public AlertResource(OfficialAlerts alerts, Caller caller) {
        this.alerts = alerts;
        this.caller = caller;
    }

    /** What the read endpoints answer: how many of the caller's alerts remain unread. */
    public record Unread(long unread) {
    }

    @GET
    @Operation(summary = "The caller's alerts, newest first, with how many are unread",
            description = "Each alert names the grievance (number, department, block, village, level, due date) but "
                    + "never the citizen's words, ref or number, since it stays listed after the grievance left the "
                    + "caller's scope")
    public AlertQueries.Page list(@Parameter(description = "true: only unread ones; otherwise all")
                                  @QueryParam("unread") @DefaultValue("false") boolean unreadOnly,
                                  @QueryParam("page") @DefaultValue("0") int page,
                                  @QueryParam("size") @DefaultValue("20") int size) throws SQLException {
        Paging.check(page, size);
        return alerts.page(caller.officialId(), unreadOnly, page, size);
    }

    @POST
    @Path("/{id}/read")
    @Operation(summary = "Marks one of the caller's alerts read (repeating it changes nothing); another's is 404")
    public Unread read(@PathParam("id") String id) throws SQLException {
        return new Unread(alerts.markRead(caller.officialId(), id));
    }

    @POST
    @Path("/read-all")
    @Operation(summary = "Marks every alert of the caller read")
    public Unread readAll() throws SQLException {
        return new Unread(alerts.markAllRead(caller.officialId()));
    }
}
