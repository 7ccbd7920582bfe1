package org.samadhan.portal.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.samadhan.portal.client.BackendRefusal;
import org.samadhan.portal.client.Directory;
import org.samadhan.portal.client.GrievanceApi;
import org.samadhan.portal.i18n.AdminMessages;

/**
 * The district cell's triage: the open grievances routing sent to {@code DISTRICT_CELL} because the classifier was
 * not sure, each with the classifier's three best departments and one form to send it to a department. Only the
 * collector's office sees it; for anyone else it does not exist.
 */
@Path("/triage")
@Produces(MediaType.TEXT_HTML)
public class TriagePage {

    static final String CELL = "DISTRICT_CELL";
    static final String OPEN = "ASSIGNED,IN_PROGRESS,REOPENED";
    /** At most this many rows, hence classifications, per page: routing allows 120 a minute per address. */
    static final int PAGE_SIZE = 20;
    static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("[A-Z]{2,5}-\\d{4}-\\d{6}");

    /** A department the classifier proposes, with how sure it is. */
    public record Suggestion(String code, String name, int confidencePercent) {
    }

    /** A transfer grievance-service refused, with what the official chose and typed. */
    public record Refusal(String number, int status, String message, String field, String departmentCode,
                          String reason) {
    }

    public record Row(GrievanceApi.Summary grievance, long ageDays, List<Suggestion> suggestions, String reason,
                      Refusal refusal) {

        /** The department chosen in the "another department" list before a refusal, or "". */
        public String chosen() {
            return refusal != null && refusal.departmentCode() != null ? refusal.departmentCode() : "";
        }
    }

    public record Triage(List<Row> rows, Map<String, String> departments, String text, long total, long from, long to,
                         int page, String previous, String next, String done, Refusal unplaced) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance triage(Triage triage);
    }

    private final GrievanceApi grievances;
    private final Transfer transfer;
    private final Directory directory;
    private final Language language;
    private final Viewer viewer;

    public TriagePage(@RestClient GrievanceApi grievances, Transfer transfer, Directory directory, Language language,
                      Viewer viewer) {
        this.grievances = grievances;
        this.transfer = transfer;
        this.directory = directory;
        this.language = language;
        this.viewer = viewer;
    }

    @GET
    public TemplateInstance page(@QueryParam("page") int page, @QueryParam("q") String text,
                                 @QueryParam("done") String done, @QueryParam("to") String to) {
        collectorOnly();
        return render(page, WorklistPage.blankToNull(text), doneMessage(done, to), null);
    }

    /** Post-redirect-get on success; the list again with the refusal on the grievance's row when refused. */
    @POST
    @Path("{number}/transfer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response send(@PathParam("number") String number, @FormParam("departmentCode") String suggested,
                         @FormParam("otherDepartment") String other, @FormParam("reason") String reason,
                         @FormParam("prefilled") String prefilled, @FormParam("page") int page,
                         @FormParam("q") String text) {
        collectorOnly();
        // A suggestion's button names its department; the list's "Send" button names none, so the list decides.
        String code = WorklistPage.blankToNull(suggested) != null ? suggested.strip() : WorklistPage.blankToNull(other);
        String why = reason;
        if (code != null && reason != null && reason.equals(prefilled)) {
            // The untouched prefill names the top suggestion; it must name the department actually chosen.
            why = messages().triage_reason(directory.departmentName(code, language.code()));
        }
        Map<String, String> body = new HashMap<>();
        if (code != null) {
            body.put("departmentCode", code);
        }
        if (why != null) {
            body.put("reason", why);
        }
        try {
            grievances.act(number, "transfer", body);
        } catch (BackendRefusal refusal) {
            if (!refusal.shownInPlace()) {
                throw refusal;
            }
            var shown = new Refusal(number, refusal.status(), refusal.getMessage(), refusal.field(), code, reason);
            return Response.status(refusal.status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(render(page, WorklistPage.blankToNull(text), null, shown).render()).build();
        }
        String query = "done=" + URLEncoder.encode(number, StandardCharsets.UTF_8) + "&to="
                + URLEncoder.encode(code, StandardCharsets.UTF_8) + (page > 0 ? "&page=" + page : "")
                + search(WorklistPage.blankToNull(text));
        return Response.seeOther(URI.create("/triage?" + query)).build();
    }

    private TemplateInstance render(int page, String text, String done, Refusal refusal) {
        int current = Math.max(0, page);
        GrievanceApi.Page found = grievances.list(OPEN, false, CELL, null, text, current, PAGE_SIZE);
        Map<String, String> departments = new LinkedHashMap<>(directory.departmentNames(language.code()));
        departments.remove(CELL);
        Instant now = Instant.now();
        List<Row> rows = new ArrayList<>();
        boolean placed = refusal == null;
        for (GrievanceApi.Summary g : found.items()) {
            List<Suggestion> suggestions = suggestions(g.description(), departments);
            String prefill = messages().triage_reason(suggestions.isEmpty() ? "" : suggestions.get(0).name());
            Refusal own = refusal != null && refusal.number().equals(g.number()) ? refusal : null;
            placed |= own != null;
            rows.add(new Row(g, g.createdAt() == null ? 0 : Duration.between(g.createdAt(), now).toDays(),
                    suggestions, prefill, own));
        }
        long from = found.total() == 0 ? 0 : (long) current * PAGE_SIZE + 1;
        long to = (long) current * PAGE_SIZE + found.items().size();
        String previous = current > 0 ? "/triage?page=" + (current - 1) + search(text) : null;
        String next = to < found.total() ? "/triage?page=" + (current + 1) + search(text) : null;
        var triage = new Triage(rows, departments, text, found.total(), from, to, current, previous, next, done,
                placed ? null : refusal);
        return Templates.triage(triage).setLocale(language.locale());
    }

    /** The classifier's best {@link Transfer#SUGGESTIONS} departments; none when it is busy (429) or down. */
    private List<Suggestion> suggestions(String text, Map<String, String> departments) {
        List<Suggestion> best = new ArrayList<>();
        for (var s : transfer.suggestions(text)) {
            if (best.size() < Transfer.SUGGESTIONS && departments.containsKey(s.department())
                    && best.stream().noneMatch(b -> b.code().equals(s.department()))) {
                best.add(new Suggestion(s.department(), departments.get(s.department()),
                        (int) Math.round(s.confidence() * 100)));
            }
        }
        return best;
    }

    private static String search(String text) {
        return text == null ? "" : "&q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private String doneMessage(String number, String to) {
        // Only what a redirect of this page writes: the address cannot make the page say anything else.
        if (number == null || !NUMBER.matcher(number).matches() || to == null
                || !directory.departmentNames(language.code()).containsKey(to)) {
            return null;
        }
        return messages().triage_done(number, directory.departmentName(to, language.code()));
    }

    private AdminMessages messages() {
        return MessageBundles.get(AdminMessages.class, Localized.Literal.of(language.code()));
    }

    private void collectorOnly() {
        if (!viewer.isCollector()) {
            throw new NotFoundException();
        }
    }
}
