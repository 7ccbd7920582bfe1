package org.samadhan.portal.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.samadhan.contracts.directory.DistrictDirectory;
import org.samadhan.portal.client.BackendRefusal;
import org.samadhan.portal.client.Directory;
import org.samadhan.portal.client.RoutingApi;

/**
 * The collector's form for one official: name, role, department, block, the WhatsApp number their alerts go to and
 * the alerts' language, saved against the directory version it was opened on (a conflict keeps what was typed).
 */
@Path("/directory/officials/{id}")
@Produces(MediaType.TEXT_HTML)
public class OfficialEditPage {

    static final List<String> ROLES = List.of("OFFICER", "DEPARTMENT_HEAD", "COLLECTOR");
    static final List<String> LANGUAGES = List.of("hi", "en");

    /** The form's fields, as opened or as typed; {@code version} is the directory version it edits. */
    public record Form(int version, String id, String name, String role, String departmentCode, String block,
                       String whatsapp, String language) {
    }

    public record Edit(String title, Form form, Map<String, String> departments, List<String> blocks,
                       List<String> roles, List<String> languages, DirectoryEdit.Conflict conflict,
                       DirectoryPage.OfficialRow current, DirectoryEdit.Refusal refusal) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance official(Edit edit);
    }

    private final RoutingApi routing;
    private final Directory directory;
    private final Language language;
    private final Viewer viewer;

    public OfficialEditPage(@RestClient RoutingApi routing, Directory directory, Language language, Viewer viewer) {
        this.routing = routing;
        this.directory = directory;
        this.language = language;
        this.viewer = viewer;
    }

    @GET
    public TemplateInstance form(@PathParam("id") String id) {
        DirectoryPage.collectorOnly(viewer);
        RoutingApi.VersionedDirectory current = DirectoryPage.fresh(directory);
        var o = current.directory().official(id).orElseThrow(NotFoundException::new);
        var form = new Form(current.version(), o.id(), o.name(), o.role(), nonNull(o.departmentCode()),
                nonNull(o.block()), o.whatsapp(), o.language());
        return render(form, current.directory(), null, null, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("id") String id, @FormParam("version") int version,
                         @FormParam("name") String name, @FormParam("role") String role,
                         @FormParam("departmentCode") String department, @FormParam("block") String block,
                         @FormParam("whatsapp") String whatsapp, @FormParam("language") String alertsLanguage) {
        DirectoryPage.collectorOnly(viewer);
        var typed = new Form(version, id, name, role, department, block, whatsapp, alertsLanguage);
        try {
            RoutingApi.VersionedDirectory saved = routing.replaceOfficial(id, version, official(typed));
            directory.forget();
            return Response.seeOther(URI.create("/directory?official=" + URLEncoder.encode(id, StandardCharsets.UTF_8)
                    + "&version=" + saved.version())).build();
        } catch (BackendRefusal refusal) {
            if (refusal.status() == 409) {
                RoutingApi.VersionedDirectory now = DirectoryPage.fresh(directory);
                var kept = new Form(now.version(), id, name, role, department, block, whatsapp, alertsLanguage);
                var current = now.directory().official(id).map(DirectoryPage::row).orElse(null);
                return page(409, render(kept, now.directory(), new DirectoryEdit.Conflict(version, now.version()),
                        current, null));
            }
            if (refusal.status() != 400) {
                throw refusal;
            }
            return page(400, render(typed, directory.get(), null, null,
                    new DirectoryEdit.Refusal(400, refusal.getMessage(), refusal.field())));
        }
    }

    /** What routing-service is asked to store; a number typed as "+91 98765-43210" is sent as its digits. */
    static DistrictDirectory.Official official(Form f) {
        String number = f.whatsapp() == null ? null : f.whatsapp().replaceAll("[\\s-]", "").replaceFirst("^\\+", "");
        return new DistrictDirectory.Official(f.id(), f.name() == null ? null : f.name().strip(), f.role(),
                blankToNull(f.departmentCode()), blankToNull(f.block()), number, f.language());
    }

    private TemplateInstance render(Form form, DistrictDirectory d, DirectoryEdit.Conflict conflict,
                                    DirectoryPage.OfficialRow current, DirectoryEdit.Refusal refusal) {
        String title = d.official(form.id()).map(DistrictDirectory.Official::name).orElse(form.id());
        var edit = new Edit(title, form, directory.departmentNames(language.code()), d.blocks(), ROLES, LANGUAGES,
                conflict, current, refusal);
        return Templates.official(edit).setLocale(language.locale());
    }

    private static Response page(int status, TemplateInstance template) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(template.render()).build();
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
