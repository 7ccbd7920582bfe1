package org.samadhan.portal.client;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** grievance-service's officers' API, called with the signed-in official's own access token. */
@RegisterRestClient(configKey = "grievance-service")
@RegisterProvider(OfficialToken.class)
@Path("/api")
public interface GrievanceApi {

    /** One row of the worklist. */
    record Summary(String number, String status, String departmentCode, String block, String village, int level,
                   String officerId, boolean disputed, Instant dueAt, boolean overdue, Instant createdAt,
                   String description) {
    }

    /** A page of the worklist; {@code total} counts only what the official may see. */
    record Page(List<Summary> items, int page, int size, long total) {
    }

    /** How many grievances each worklist tab holds, in the official's scope. */
    record Counts(@JsonProperty("new") long fresh, long inProgress, long reopened, long overdue,
                  long awaitingCitizen) {
    }

    /** One audited transition. */
    record HistoryEntry(long version, String action, String fromStatus, String toStatus, String actorId,
                        String actorRole, String reason, String fromOfficer, String toOfficer, Instant occurredAt) {
    }

    /** One grievance as an official sees it (never the citizen's number). */
    record Grievance(String number, String status, String language, String description, String category,
                     Double latitude, Double longitude, String block, String village, String attachments,
                     String departmentCode, String officerId, int level, Instant dueAt, boolean overdue,
                     Instant feedbackDueAt, String resolutionNote, Integer rating, boolean disputed,
                     Instant createdAt, Instant updatedAt, Instant closedAt, List<HistoryEntry> history) {
    }

    /** A grievance and the actions the official may take on it now. */
    record View(Grievance grievance, List<String> allowedActions) {
    }

    /** One of the official's own alerts: the same events that reach them on WhatsApp. */
    record Alert(String id, String kind, String grievanceNumber, String departmentCode, String block, String village,
                 int level, Instant dueAt, Instant at, boolean read, String fromOfficer, String toOfficer) {
    }

    /** A page of alerts, newest first; {@code unread} counts every unread one. */
    record Alerts(List<Alert> items, long unread, int page, int size, long total) {
    }

    /** How many alerts are still unread after marking. */
    record Unread(long unread) {
    }

    @GET
    @Path("/grievances")
    Page list(@QueryParam("status") String status, @QueryParam("overdue") boolean overdue,
              @QueryParam("department") String department, @QueryParam("block") String block,
              @QueryParam("q") String text, @QueryParam("page") int page, @QueryParam("size") int size);

    /** Asynchronous, so that the worklist asks for its counts and its rows at the same time. */
    @GET
    @Path("/grievances/counts")
    CompletionStage<Counts> counts(@QueryParam("department") String department, @QueryParam("block") String block,
                  @QueryParam("q") String text);

    @GET
    @Path("/grievances/{ref}")
    View get(@PathParam("ref") String number);

    /** An action of the workflow ({@code acknowledge}, {@code notes}, {@code resolve}, ...) with its JSON body. */
    @POST
    @Path("/grievances/{ref}/{action}")
    View act(@PathParam("ref") String number, @PathParam("action") String action, Map<String, String> body);

    @GET
    @Path("/alerts")
    Alerts alerts(@QueryParam("unread") boolean unreadOnly, @QueryParam("page") int page,
                  @QueryParam("size") int size);

    @POST
    @Path("/alerts/{id}/read")
    Unread markRead(@PathParam("id") String id);

    @POST
    @Path("/alerts/read-all")
    Unread markAllRead();

    @ClientExceptionMapper
    static RuntimeException refusal(Response response) {
        return BackendRefusal.of("grievance-service", response);
    }
}
