package org.samadhan.portal.client;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** analytics-service's review API, called with the signed-in official's own token (it applies their scope). */
@RegisterRestClient(configKey = "analytics-service")
@RegisterProvider(OfficialToken.class)
@Path("/api")
public interface AnalyticsApi {

    /**
     * One line of the review (a department, a block of it, or an official), as analytics-service defines it: rates
     * are fractions, times hours; a figure over too few observations is null and named in {@code tooFew}.
     */
    record Row(String departmentCode, String block, String officerId, long received, long assigned, long escalated,
               long reopened, long disputed, long transferred, long resolved, long resolvedOnTime,
               long closedVerified, long closedUnverified, long open, Map<String, Long> openByStatus,
               Map<String, Long> openByLevel, long overdue, Map<String, Long> ageing, Double slaCompliance,
               Double verifiedClosureRate, Double reopenRate, Double firstTimeRight, Double satisfaction,
               Double averageRating, Double acknowledgedWithinADay, Double medianHoursToResolve,
               Double p90HoursToResolve, Double grade, Integer rank, List<String> tooFew) {

        /** Open grievances in {@code status} at the stock's moment (0 when none). */
        public long openIn(String status) {
            return openByStatus == null ? 0 : openByStatus.getOrDefault(status, 0L);
        }

        public boolean tooFew(String figure) {
            return tooFew != null && tooFew.contains(figure);
        }
    }

    /** The review of a period: rows of the chosen cut and their total; stocks are taken at {@code stockAt}. */
    record Report(String district, LocalDate from, LocalDate to, String groupBy, int minimumVolume, Instant stockAt,
                  List<Row> rows, Row total) {
    }

    /** The main figures of one interval of a trend. */
    record Point(LocalDate from, LocalDate to, long received, long resolved, long closedVerified,
                 long closedUnverified, long reopened, long escalated, long open, long overdue,
                 Double slaCompliance, Double verifiedClosureRate) {
    }

    record Trend(String interval, List<Point> points) {
    }

    @GET
    @Path("/review")
    Report review(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
                  @QueryParam("groupBy") String groupBy, @QueryParam("department") String department,
                  @QueryParam("block") String block, @QueryParam("officer") String officer);

    /** The same rows as CSV (UTF-8 with a byte-order mark), headers in {@code lang}; passed through unread. */
    @GET
    @Path("/review.csv")
    @Produces("text/csv")
    InputStream csv(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
                    @QueryParam("groupBy") String groupBy, @QueryParam("department") String department,
                    @QueryParam("block") String block, @QueryParam("officer") String officer,
                    @QueryParam("lang") String lang);

    @GET
    @Path("/review/trend")
    Trend trend(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
                @QueryParam("interval") String interval, @QueryParam("department") String department,
                @QueryParam("block") String block, @QueryParam("officer") String officer);

    @ClientExceptionMapper
    static RuntimeException refusal(Response response) {
        return BackendRefusal.of("analytics-service", response);
    }
}
