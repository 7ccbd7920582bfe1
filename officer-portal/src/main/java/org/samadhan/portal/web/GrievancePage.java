package org.samadhan.portal.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.samadhan.portal.client.BackendRefusal;
import org.samadhan.portal.client.GrievanceApi;

/**
 * One grievance: the citizen's words and place, the timeline, and the forms for exactly the actions the workflow
 * allows this official now. A refused action is shown beside its form with what was typed kept; a grievance
 * escalated above the official says to whom, and offers only what the API still allows (notes).
 */
@Path("/grievances/{number}")
@Produces(MediaType.TEXT_HTML)
public class GrievancePage {

    /** The actions the page offers, by the path of grievance-service's API. */
    static final Map<String, String> ACTIONS = Map.of("ACKNOWLEDGE", "acknowledge", "ADD_NOTE", "notes",
            "RESOLVE", "resolve", "TRANSFER", "transfer", "REASSIGN", "reassign");

    /** A refusal shown beside the form of {@code action}; {@code typed} refills the form. */
    public record Refusal(String action, int status, String message, String field, Map<String, String> typed) {
    }

    public record Page(GrievanceApi.Grievance grievance, Set<String> allowed, String department, String holder,
                       Due due, boolean escalatedAbove, String mapLink, List<Timeline.Entry> timeline,
                       List<Attachments.Item> attachments, Transfer.Options transfer,
                       List<Reassign.Choice> reassign, String done, Refusal refusal) {

        public boolean can(String action) {
            return allowed.contains(action);
        }

        /** What the official typed into {@code field} of {@code action}'s form before a refusal, or "". */
        public String typed(String action, String field) {
            return refusal != null && refusal.action().equals(action)
                    ? refusal.typed().getOrDefault(field, "") : "";
        }

        public boolean refused(String action) {
            return refusal != null && refusal.action().equals(action);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance grievance(Page page);
    }

    private final GrievanceApi grievances;
    private final Timeline timeline;
    private final Transfer transfer;
    private final Reassign reassign;
    private final org.samadhan.portal.client.Directory directory;
    private final Language language;
    private final Viewer viewer;

    public GrievancePage(@RestClient GrievanceApi grievances, Timeline timeline, Transfer transfer,
                         Reassign reassign, org.samadhan.portal.client.Directory directory, Language language,
                         Viewer viewer) {
        this.grievances = grievances;
        this.timeline = timeline;
        this.transfer = transfer;
        this.reassign = reassign;
        this.directory = directory;
        this.language = language;
        this.viewer = viewer;
    }

    @GET
    public TemplateInstance page(@PathParam("number") String number, @QueryParam("done") String done) {
        return render(grievances.get(number), done != null && ACTIONS.containsKey(done) ? done : null, null);
    }

    @POST
    @Path("acknowledge")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response acknowledge(@PathParam("number") String number, @FormParam("note") String note) {
        return act(number, "ACKNOWLEDGE", fields("note", note));
    }

    @POST
    @Path("notes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addNote(@PathParam("number") String number, @FormParam("text") String text) {
        return act(number, "ADD_NOTE", fields("text", text));
    }

    @POST
    @Path("resolve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resolve(@PathParam("number") String number, @FormParam("note") String note) {
        return act(number, "RESOLVE", fields("note", note));
    }

    @POST
    @Path("transfer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response transfer(@PathParam("number") String number, @FormParam("departmentCode") String department,
                             @FormParam("reason") String reason) {
        return act(number, "TRANSFER", fields("departmentCode", department, "reason", reason));
    }

    @POST
    @Path("reassign")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reassign(@PathParam("number") String number, @FormParam("officerId") String officer,
                             @FormParam("reason") String reason) {
        return act(number, "REASSIGN", fields("officerId", officer, "reason", reason));
    }

    /** Post-redirect-get on success; the page again, with the refusal in place, when the API refuses. */
    private Response act(String number, String action, Map<String, String> body) {
        try {
            GrievanceApi.View view = grievances.act(number, ACTIONS.get(action), body);
            String at = URLEncoder.encode(view.grievance().number(), StandardCharsets.UTF_8);
            // A transfer usually takes the grievance out of the official's scope: back to their worklist.
            return Response.seeOther(URI.create("TRANSFER".equals(action) ? "/worklist?transferred=" + at
                    : "/grievances/" + at + "?done=" + action)).build();
        } catch (BackendRefusal refusal) {
            if (!refusal.shownInPlace()) {
                throw refusal;
            }
            var shown = new Refusal(action, refusal.status(), refusal.getMessage(), refusal.field(), body);
            return Response.status(refusal.status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(render(grievances.get(number), null, shown).render()).build();
        }
    }

    private TemplateInstance render(GrievanceApi.View view, String done, Refusal refusal) {
        GrievanceApi.Grievance g = view.grievance();
        Set<String> allowed = Set.copyOf(view.allowedActions());
        boolean open = List.of("ASSIGNED", "IN_PROGRESS", "REOPENED").contains(g.status());
        var page = new Page(g, allowed, directory.departmentName(g.departmentCode(), language.code()),
                directory.officialName(g.officerId()), Due.of(g.dueAt(), open, Instant.now()),
                open && g.level() > viewer.role().rung, mapLink(g), timeline.of(g),
                Attachments.of(g.attachments()),
                allowed.contains("TRANSFER") ? transfer.options(g, language.code()) : null,
                allowed.contains("REASSIGN") ? reassign.choices(g) : List.of(), done, refusal);
        return Templates.grievance(page).setLocale(language.locale());
    }

    /** OpenStreetMap at the citizen's pin: a link the official opens, nothing loaded into the page. */
    static String mapLink(GrievanceApi.Grievance g) {
        if (g.latitude() == null || g.longitude() == null) {
            return null;
        }
        return String.format(java.util.Locale.ROOT, "https://www.openstreetmap.org/?mlat=%.5f&mlon=%.5f#map=16/%.5f/%.5f",
                g.latitude(), g.longitude(), g.latitude(), g.longitude());
    }

    private static Map<String, String> fields(String... namesAndValues) {
        Map<String, String> body = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                body.put(namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return body;
    }
}
