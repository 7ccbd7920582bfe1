package org.samadhan.analytics.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.time.Instant;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.samadhan.analytics.GroupBy;
import org.samadhan.analytics.InvalidInput;
import org.samadhan.analytics.Period;
import org.samadhan.analytics.ReviewService;
import org.samadhan.analytics.Selection;
import org.samadhan.analytics.config.AnalyticsConfig;

/**
 * The collector's review (OIDC bearer tokens, the roles and scope of grievance-service's officers' API): the collector
 * sees the district, a department head their department, a block officer their department in their block; a filter
 * outside the caller's scope selects nothing. Periods are whole IST days, {@code from} and {@code to} included.
 */
@Path("/api")
@RolesAllowed({"officer", "department_head", "collector"})
public class ReviewResource {

    private final ReviewService review;
    private final AnalyticsConfig config;
    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public ReviewResource(ReviewService review, AnalyticsConfig config, SecurityIdentity identity,
                          JsonWebToken token) {
        this.review = review;
        this.config = config;
        this.identity = identity;
        this.token = token;
    }

    @GET
    @Path("/review")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every review figure for a period, per department, block or official, and in total")
    public ReviewService.Report review(
            @Parameter(description = "first day (IST), e.g. 2026-11-23; default six days before to") @QueryParam("from") String from,
            @Parameter(description = "last day (IST), included; default today") @QueryParam("to") String to,
            @Parameter(description = "department (default), block or officer") @QueryParam("groupBy") String groupBy,
            @QueryParam("department") String department, @QueryParam("block") String block,
            @QueryParam("officer") String officer) throws SQLException {
        return review.review(reviewer(), period(from, to), GroupBy.parse(groupBy), department, block, officer);
    }

    @GET
    @Path("/review.csv")
    @Produces("text/csv")
    @Operation(summary = "The weekly review as CSV, headers in English (lang=en) or Hindi (lang=hi)")
    public Response csv(@QueryParam("from") String from, @QueryParam("to") String to,
                        @QueryParam("groupBy") String groupBy, @QueryParam("department") String department,
                        @QueryParam("block") String block, @QueryParam("officer") String officer,
                        @QueryParam("lang") String lang) throws SQLException {
        ReviewCsv.Language language = ReviewCsv.Language.parse(lang);
        ReviewService.Report report = review.review(reviewer(), period(from, to), GroupBy.parse(groupBy), department,
                block, officer);
        String body = ReviewCsv.write(report, review.departmentNames(), language);
        String file = "review-" + report.district() + "-" + report.from() + "-to-" + report.to() + ".csv";
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
    }

    @GET
    @Path("/review/trend")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The main figures per day, week or month of a period, for trends")
    public ReviewService.Trend trend(@QueryParam("from") String from, @QueryParam("to") String to,
                                     @QueryParam("interval") String interval,
                                     @QueryParam("department") String department, @QueryParam("block") String block,
                                     @QueryParam("officer") String officer) throws SQLException {
        return review.trend(reviewer(), period(from, to), interval, department, block, officer);
    }

    @GET
    @Path("/review/habitual")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "How many citizens filed more than a threshold of grievances in a month (counts only)")
    public ReviewService.Habitual habitual(@QueryParam("month") String month,
                                           @QueryParam("threshold") String threshold) throws SQLException {
        Integer n = null;
        if (threshold != null && !threshold.isBlank()) {
            try {
                n = Integer.parseInt(threshold.strip());
            } catch (NumberFormatException e) {
                throw new InvalidInput("threshold", "threshold must be a whole number");
            }
        }
        return review.habitual(reviewer(), month, n);
    }

    private Period period(String from, String to) {
        return Period.parse(from, to, config.maxPeriodDays(), Instant.now());
    }

    /** The caller's highest role and scope, read from the token exactly as grievance-service reads it. */
    private Selection.Reviewer reviewer() {
        Selection.Role role = identity.hasRole("collector") ? Selection.Role.COLLECTOR
                : identity.hasRole("department_head") ? Selection.Role.DEPARTMENT_HEAD : Selection.Role.OFFICER;
        return new Selection.Reviewer(role, token.getClaim("department"), token.getClaim("block"));
    }
}
