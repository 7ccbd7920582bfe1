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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.samadhan.contracts.directory.DistrictDirectory;
import org.samadhan.portal.client.BackendRefusal;
import org.samadhan.portal.client.Directory;
import org.samadhan.portal.client.RoutingApi;

/**
 * The collector's form for one department: names, service level in hours or days, the officer of every block,
 * the escalation ladder and the vocabulary. It is saved against the directory version it was opened on; when
 * someone else saved meanwhile, the current entry is shown beside what the collector typed, to apply again.
 */
@Path("/directory/departments/{code}")
@Produces(MediaType.TEXT_HTML)
public class DepartmentEditPage {

    /** A block and the id of the official chosen for it. */
    public record BlockChoice(String block, String officer) {
    }

    /** The form's fields, as opened or as typed; {@code version} is the directory version it edits. */
    public record Form(int version, String code, String nameHi, String nameEn, String amount, String unit,
                       List<BlockChoice> officers, String level2, String level3, String vocabulary,
                       String escalatedServiceLevel) {
    }

    /** An official in the selects. */
    public record Choice(String id, String label) {
    }

    public record Edit(String title, Form form, List<Choice> officials, List<String> units,
                       DirectoryEdit.Conflict conflict, DirectoryPage.DepartmentView current,
                       DirectoryEdit.Refusal refusal) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance department(Edit edit);
    }

    private final RoutingApi routing;
    private final Directory directory;
    private final Language language;
    private final Viewer viewer;

    public DepartmentEditPage(@RestClient RoutingApi routing, Directory directory, Language language, Viewer viewer) {
        this.routing = routing;
        this.directory = directory;
        this.language = language;
        this.viewer = viewer;
    }

    @GET
    public TemplateInstance form(@PathParam("code") String code) {
        DirectoryPage.collectorOnly(viewer);
        RoutingApi.VersionedDirectory current = DirectoryPage.fresh(directory);
        var department = current.directory().department(code).orElseThrow(NotFoundException::new);
        return render(form(current.version(), department, current.directory()), current.directory(), null, null,
                null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("code") String code, @FormParam("version") int version,
                         @FormParam("nameHi") String nameHi, @FormParam("nameEn") String nameEn,
                         @FormParam("amount") String amount, @FormParam("unit") String unit,
                         @FormParam("block") List<String> blocks, @FormParam("officer") List<String> officers,
                         @FormParam("level2") String level2, @FormParam("level3") String level3,
                         @FormParam("vocabulary") String vocabulary,
                         @FormParam("escalatedServiceLevel") String escalated) {
        DirectoryPage.collectorOnly(viewer);
        List<BlockChoice> chosen = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            chosen.add(new BlockChoice(blocks.get(i), i < officers.size() ? officers.get(i) : ""));
        }
        var typed = new Form(version, code, nameHi, nameEn, amount, unit, chosen, level2, level3, vocabulary,
                escalated);
        ServiceLevel level;
        try {
            level = ServiceLevel.parse(amount, unit);
        } catch (IllegalArgumentException e) {
            return refused(typed, new DirectoryEdit.Refusal(400, e.getMessage(), "serviceLevel"));
        }
        try {
            RoutingApi.VersionedDirectory saved = routing.replaceDepartment(code, version, department(typed, level));
            directory.forget();
            return Response.seeOther(URI.create("/directory?department=" + URLEncoder.encode(code,
                    StandardCharsets.UTF_8) + "&version=" + saved.version() + "#department-" + code)).build();
        } catch (BackendRefusal refusal) {
            if (refusal.status() == 409) {
                return conflict(typed);
            }
            if (refusal.status() != 400) {
                throw refusal;
            }
            return refused(typed, new DirectoryEdit.Refusal(400, refusal.getMessage(), refusal.field()));
        }
    }

    /** The current entry above, what the collector typed below, now on the current version so it can be applied. */
    private Response conflict(Form typed) {
        RoutingApi.VersionedDirectory now = DirectoryPage.fresh(directory);
        var current = now.directory().department(typed.code()).orElseThrow(NotFoundException::new);
        var kept = new Form(now.version(), typed.code(), typed.nameHi(), typed.nameEn(), typed.amount(), typed.unit(),
                typed.officers(), typed.level2(), typed.level3(), typed.vocabulary(), typed.escalatedServiceLevel());
        return page(409, render(kept, now.directory(), new DirectoryEdit.Conflict(typed.version(), now.version()),
                DirectoryPage.view(current, now.directory()), null));
    }

    private Response refused(Form typed, DirectoryEdit.Refusal refusal) {
        DistrictDirectory d = directory.get();
        return page(400, render(typed, d, null, null, refusal));
    }

    private TemplateInstance render(Form form, DistrictDirectory d, DirectoryEdit.Conflict conflict,
                                    DirectoryPage.DepartmentView current, DirectoryEdit.Refusal refusal) {
        String title = d.department(form.code()).map(dep -> DirectoryPage.name(dep, language.code()))
                .orElse(form.code());
        var edit = new Edit(title, form, choices(d, form.code()),
                Arrays.stream(ServiceLevel.Unit.values()).map(ServiceLevel.Unit::param).toList(), conflict, current,
                refusal);
        return Templates.department(edit).setLocale(language.locale());
    }

    static Form form(int version, DistrictDirectory.Department dep, DistrictDirectory d) {
        ServiceLevel level = ServiceLevel.of(dep.serviceLevel());
        List<BlockChoice> officers = new ArrayList<>();
        for (String block : d.blocks()) {
            officers.add(new BlockChoice(block, dep.officers() == null ? "" : dep.officers().getOrDefault(block, "")));
        }
        List<String> ladder = dep.escalation() == null ? List.of() : dep.escalation();
        return new Form(version, dep.code(), dep.name().get("hi"), dep.name().get("en"),
                Long.toString(level.amount()), level.unit().param(), officers,
                ladder.isEmpty() ? "" : ladder.get(0), ladder.size() < 2 ? "" : ladder.get(1),
                vocabularyText(dep.vocabulary()), dep.escalatedServiceLevel());
    }

    /** The department routing-service is asked to store; what is not on the form is kept as it was rendered. */
    static DistrictDirectory.Department department(Form f, ServiceLevel level) {
        Map<String, String> names = new HashMap<>();
        names.put("hi", strip(f.nameHi()));
        names.put("en", strip(f.nameEn()));
        Map<String, String> officers = new LinkedHashMap<>();
        for (BlockChoice c : f.officers()) {
            if (strip(c.officer()) != null) {
                officers.put(c.block(), c.officer().strip());
            }
        }
        List<String> ladder = new ArrayList<>();
        for (String id : new String[] {f.level2(), f.level3()}) {
            if (strip(id) != null) {
                ladder.add(id.strip());
            }
        }
        return new DistrictDirectory.Department(f.code(), names, level.iso(), officers, ladder,
                vocabulary(f.vocabulary()), strip(f.escalatedServiceLevel()));
    }

    /** Entries separated by commas; an entry may hold several words, and line breaks inside it count as spaces. */
    static List<String> vocabulary(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(e -> e.replaceAll("\\s+", " ").strip()).filter(e -> !e.isEmpty())
                .toList();
    }

    static String vocabularyText(List<String> entries) {
        return entries == null ? "" : String.join(", ", entries);
    }

    /** Every official, the department's own first, labelled so that two "Block officer, Gurur" can be told apart. */
    static List<Choice> choices(DistrictDirectory d, String code) {
        return d.officials().stream()
                .sorted(Comparator.comparing((DistrictDirectory.Official o) -> !Objects.equals(o.departmentCode(), code))
                        .thenComparing(o -> o.departmentCode() == null ? "~" : o.departmentCode()))
                .map(o -> new Choice(o.id(), o.name() + " (" + o.id() + ")")).toList();
    }

    private static Response page(int status, TemplateInstance template) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(template.render()).build();
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
