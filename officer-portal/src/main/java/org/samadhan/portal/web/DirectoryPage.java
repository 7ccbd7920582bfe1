package org.samadhan.portal.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.samadhan.contracts.directory.DistrictDirectory;
import org.samadhan.portal.client.Directory;
import org.samadhan.portal.client.RoutingApi;

/**
 * The district directory as the collector reads it: each department's names, service level, block officers,
 * escalation ladder and vocabulary, and the officials per department and block (their WhatsApp numbers masked),
 * with links to the edit forms. Only the collector's office sees it; for anyone else it does not exist.
 */
@Path("/directory")
@Produces(MediaType.TEXT_HTML)
public class DirectoryPage {

    public record BlockOfficer(String block, String officer) {
    }

    /** One department as the page shows it, with officials' names instead of their ids. */
    public record DepartmentView(String code, String nameHi, String nameEn, ServiceLevel.Span serviceLevel,
                                 List<BlockOfficer> officers, String level2, String level3, List<String> vocabulary,
                                 int words) {
    }

    /** One official in a list: never their WhatsApp number, only its last digits. */
    public record OfficialRow(String id, String name, String role, String block, String language, String whatsapp) {
    }

    public record OfficialGroup(String code, String name, List<OfficialRow> officials) {
    }

    public record Overview(int version, List<DepartmentView> departments, List<OfficialGroup> groups,
                           String savedName, int savedVersion) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance directory(Overview overview);
    }

    private final Directory directory;
    private final Language language;
    private final Viewer viewer;

    public DirectoryPage(Directory directory, Language language, Viewer viewer) {
        this.directory = directory;
        this.language = language;
        this.viewer = viewer;
    }

    @GET
    public TemplateInstance page(@QueryParam("department") String savedDepartment,
                                 @QueryParam("official") String savedOfficial, @QueryParam("version") int version) {
        collectorOnly(viewer);
        RoutingApi.VersionedDirectory current = fresh(directory);
        DistrictDirectory d = current.directory();
        List<DepartmentView> departments = d.departments().stream().map(dep -> view(dep, d)).toList();
        String saved = savedDepartment != null
                ? d.department(savedDepartment).map(dep -> name(dep, language.code())).orElse(null)
                : d.official(savedOfficial).map(DistrictDirectory.Official::name).orElse(null);
        var overview = new Overview(current.version(), departments, groups(d, language.code()), saved, version);
        return Templates.directory(overview).setLocale(language.locale());
    }

    /** The officials by department in the directory's order (the district office last), heads before blocks. */
    static List<OfficialGroup> groups(DistrictDirectory d, String language) {
        List<OfficialGroup> groups = new ArrayList<>();
        Comparator<DistrictDirectory.Official> byBlock = Comparator.comparingInt(o -> o.block() == null ? -1
                : d.blocks().indexOf(o.block()));
        List<String> codes = new ArrayList<>(d.departments().stream().map(DistrictDirectory.Department::code).toList());
        codes.add(null);
        for (String code : codes) {
            List<OfficialRow> rows = d.officials().stream().filter(o -> Objects.equals(o.departmentCode(), code))
                    .sorted(byBlock.thenComparing(DistrictDirectory.Official::id)).map(DirectoryPage::row).toList();
            if (!rows.isEmpty()) {
                groups.add(new OfficialGroup(code, code == null ? null
                        : d.department(code).map(dep -> name(dep, language)).orElse(code), rows));
            }
        }
        return groups;
    }

    static OfficialRow row(DistrictDirectory.Official o) {
        return new OfficialRow(o.id(), o.name(), o.role(), o.block(), o.language(), Masked.whatsapp(o.whatsapp()));
    }

    static DepartmentView view(DistrictDirectory.Department dep, DistrictDirectory d) {
        List<BlockOfficer> officers = new ArrayList<>();
        for (String block : d.blocks()) {
            String id = dep.officers() == null ? null : dep.officers().get(block);
            officers.add(new BlockOfficer(block, officialName(d, id)));
        }
        List<String> ladder = dep.escalation() == null ? List.of() : dep.escalation();
        List<String> vocabulary = dep.vocabulary() == null ? List.of() : dep.vocabulary();
        int words = vocabulary.stream().mapToInt(v -> v.isBlank() ? 0 : v.strip().split("\\s+").length).sum();
        return new DepartmentView(dep.code(), dep.name().get("hi"), dep.name().get("en"),
                ServiceLevel.span(dep.serviceLevel()), officers,
                ladder.isEmpty() ? null : officialName(d, ladder.get(0)),
                ladder.size() < 2 ? null : officialName(d, ladder.get(1)), vocabulary, words);
    }

    private static String officialName(DistrictDirectory d, String id) {
        return id == null ? null : d.official(id).map(DistrictDirectory.Official::name).orElse(id);
    }

    static String name(DistrictDirectory.Department dep, String language) {
        return dep.name().getOrDefault(language, dep.name().getOrDefault("en", dep.code()));
    }

    /** The directory as routing-service has it now: what the collector reads here is what an edit is checked on. */
    static RoutingApi.VersionedDirectory fresh(Directory directory) {
        directory.forget();
        return directory.versioned();
    }

    static void collectorOnly(Viewer viewer) {
        if (!viewer.isCollector()) {
            throw new NotFoundException();
        }
    }
}
