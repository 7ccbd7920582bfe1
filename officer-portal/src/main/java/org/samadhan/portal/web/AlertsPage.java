package org.samadhan.portal.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.samadhan.portal.client.Directory;
import org.samadhan.portal.client.GrievanceApi;

/**
 * The official's own alerts (assigned to them, due soon, escalated to or away from them, rejected, disputed): the
 * same ones WhatsApp brings them, newest first, each marked read here. The header's unread count is a fragment htmx
 * loads on every page and refreshes every minute.
 */
@Path("/alerts")
@Produces(MediaType.TEXT_HTML)
public class AlertsPage {

    static final int PAGE_SIZE = 25;

    public record Row(GrievanceApi.Alert alert, String department, String from, String to, Due due) {
    }

    public record Alerts(List<Row> rows, long unread, boolean unreadOnly, long total, String previous,
                         String next) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance alerts(Alerts alerts);

        static native TemplateInstance unread(long unread);
    }

    private final GrievanceApi grievances;
    private final Directory directory;
    private final Language language;

    public AlertsPage(@RestClient GrievanceApi grievances, Directory directory, Language language) {
        this.grievances = grievances;
        this.directory = directory;
        this.language = language;
    }

    @GET
    public TemplateInstance page(@QueryParam("unread") boolean unreadOnly, @QueryParam("page") int page) {
        int current = Math.max(0, page);
        GrievanceApi.Alerts found = grievances.alerts(unreadOnly, current, PAGE_SIZE);
        Instant now = Instant.now();
        List<Row> rows = found.items().stream().map(a -> new Row(a,
                directory.departmentName(a.departmentCode(), language.code()), directory.officialName(a.fromOfficer()),
                directory.officialName(a.toOfficer()), Due.of(a.dueAt(), true, now))).toList();
        String filter = unreadOnly ? "unread=true&" : "";
        String previous = current > 0 ? "/alerts?" + filter + "page=" + (current - 1) : null;
        String next = (long) (current + 1) * PAGE_SIZE < found.total() ? "/alerts?" + filter + "page=" + (current + 1)
                : null;
        return Templates.alerts(new Alerts(rows, found.unread(), unreadOnly, found.total(), previous, next))
                .setLocale(language.locale());
    }

    /** The header's badge: how many alerts are unread. */
    @GET
    @Path("unread")
    public TemplateInstance unread() {
        return Templates.unread(grievances.alerts(true, 0, 1).unread()).setLocale(language.locale());
    }

    @POST
    @Path("{id}/read")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response markRead(@PathParam("id") String id) {
        grievances.markRead(id);
        return Response.seeOther(URI.create("/alerts")).build();
    }

    @POST
    @Path("read-all")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response markAllRead() {
        grievances.markAllRead();
        return Response.seeOther(URI.create("/alerts")).build();
    }
}
