package org.samadhan.portal.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.samadhan.portal.client.Directory;
import org.samadhan.portal.client.GrievanceApi;

/**
 * The worklist: what the official may see, most urgent first, in tabs with counts, filtered and paged. The table
 * (with the tabs' counts and the countdowns) is re-rendered every {@code REFRESH_SECONDS} by htmx, so new grievances
 * appear and countdowns move without a reload.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class WorklistPage {

    static final int PAGE_SIZE = 20;
    static final int REFRESH_SECONDS = 15;

    /** The worklist's tabs: a status, or every open grievance past its deadline. */
    public enum Tab {
        ALL("ASSIGNED,IN_PROGRESS,REOPENED", false), NEW("ASSIGNED", false), IN_PROGRESS("IN_PROGRESS", false),
        REOPENED("REOPENED", false),
        OVERDUE(null, true), AWAITING("RESOLVED", false);

        final String status;
        final boolean overdue;

        Tab(String status, boolean overdue) {
            this.status = status;
            this.overdue = overdue;
        }

        public String param() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Tab of(String param) {
            for (Tab tab : values()) {
                if (tab.param().equals(param)) {
                    return tab;
                }
            }
            return ALL;
        }

        long count(GrievanceApi.Counts c) {
            return switch (this) {
                case ALL -> c.fresh() + c.inProgress() + c.reopened();
                case NEW -> c.fresh();
                case IN_PROGRESS -> c.inProgress();
                case REOPENED -> c.reopened();
                case OVERDUE -> c.overdue();
                case AWAITING -> c.awaitingCitizen();
            };
        }
    }

    /** What the list is narrowed by, besides the tab. */
    public record Filters(String department, String block, String text) {

        String query() {
            StringBuilder q = new StringBuilder();
            append(q, "department", department);
            append(q, "block", block);
            append(q, "q", text);
            return q.toString();
        }
    }

    public record TabLink(Tab tab, long count, boolean current, String href) {
    }

    public record Row(GrievanceApi.Summary grievance, String department, String holder, Due due, long ageDays) {
    }

    public record Worklist(Tab tab, List<TabLink> tabs, List<Row> rows, Filters filters, long total, long from,
                           long to, String previous, String next, String refresh, Instant at,
                           Map<String, String> departments, List<String> blocks, String transferred) {
    }

    /** What a grievance number looks like; anything else in {@code transferred} is not echoed. */
    static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("[A-Z]{2,5}-\\d{4}-\\d{6}");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance worklist(Worklist list);

        static native TemplateInstance worklist$table(Worklist list);
    }

    private final GrievanceApi grievances;
    private final Directory directory;
    private final Language language;
    private final Viewer viewer;

    public WorklistPage(@RestClient GrievanceApi grievances, Directory directory, Language language, Viewer viewer) {
        this.grievances = grievances;
        this.directory = directory;
        this.language = language;
        this.viewer = viewer;
    }

    @GET
    public Response home() {
        return Response.seeOther(URI.create("/worklist")).build();
    }

    @GET
    @Path("worklist")
    public TemplateInstance page(@QueryParam("tab") String tab, @QueryParam("department") String department,
                                 @QueryParam("block") String block, @QueryParam("q") String text,
                                 @QueryParam("page") int page, @QueryParam("transferred") String transferred) {
        Worklist list = worklist(tab, department, block, text, page,
                transferred != null && NUMBER.matcher(transferred).matches() ? transferred : null);
        return Templates.worklist(list).setLocale(language.locale());
    }

    /** The table alone, for htmx's refresh. */
    @GET
    @Path("worklist/table")
    public TemplateInstance table(@QueryParam("tab") String tab, @QueryParam("department") String department,
                                  @QueryParam("block") String block, @QueryParam("q") String text,
                                  @QueryParam("page") int page) {
        return Templates.worklist$table(worklist(tab, department, block, text, page, null))
                .setLocale(language.locale());
    }

    private Worklist worklist(String tabParam, String department, String block, String text, int page,
                              String transferred) {
        Tab tab = Tab.of(tabParam);
        var filters = new Filters(viewer.choosesDepartment() ? blankToNull(department) : null,
                viewer.choosesBlock() ? blankToNull(block) : null, blankToNull(text));
        int current = Math.max(0, page);
        CompletableFuture<GrievanceApi.Counts> counting = grievances.counts(filters.department(), filters.block(),
                filters.text()).toCompletableFuture();
        GrievanceApi.Page found = grievances.list(tab.status, tab.overdue, filters.department(), filters.block(),
                filters.text(), current, PAGE_SIZE);
        GrievanceApi.Counts counts = joined(counting);
        Instant now = Instant.now();
        List<TabLink> tabs = new ArrayList<>();
        for (Tab t : Tab.values()) {
            tabs.add(new TabLink(t, t.count(counts), t == tab, "/worklist?" + query(t, filters, 0)));
        }
        List<Row> rows = new ArrayList<>();
        for (GrievanceApi.Summary g : found.items()) {
            boolean open = List.of("ASSIGNED", "IN_PROGRESS", "REOPENED").contains(g.status());
            rows.add(new Row(g, directory.departmentName(g.departmentCode(), language.code()),
                    directory.officialName(g.officerId()), Due.of(g.dueAt(), open, now),
                    g.createdAt() == null ? 0 : Duration.between(g.createdAt(), now).toDays()));
        }
        long from = found.total() == 0 ? 0 : (long) current * PAGE_SIZE + 1;
        long to = (long) current * PAGE_SIZE + found.items().size();
        String previous = current > 0 ? "/worklist?" + query(tab, filters, current - 1) : null;
        String next = to < found.total() ? "/worklist?" + query(tab, filters, current + 1) : null;
        return new Worklist(tab, tabs, rows, filters, found.total(), from, to, previous, next,
                "/worklist/table?" + query(tab, filters, current), now,
                viewer.choosesDepartment() ? directory.departmentNames(language.code()) : Map.of(),
                viewer.choosesBlock() ? directory.blocks() : List.of(), transferred);
    }

    private static String query(Tab tab, Filters filters, int page) {
        StringBuilder q = new StringBuilder("tab=").append(tab.param());
        q.append(filters.query());
        if (page > 0) {
            q.append("&page=").append(page);
        }
        return q.toString();
    }

    private static void append(StringBuilder q, String name, String value) {
        if (value != null) {
            q.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    /** The answer, or the failure as the synchronous call would have thrown it (a refusal, a timeout). */
    private static <T> T joined(CompletableFuture<T> call) {
        try {
            return call.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
