package org.samadhan.analytics.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.samadhan.analytics.Period;
import org.samadhan.contracts.Json;
import org.samadhan.testsupport.Latencies;
import org.samadhan.testsupport.OfficialTokens;

/**
 * Measurement 2: {@code GET /api/review} over HTTP, one request at a time on one kept-alive connection, as the
 * collector (district) and as PHE's department head, beside {@code /q/health/live} on the same connection (the
 * HTTP and client floor). Slow scenarios stop early at a time budget (the count is reported). Every answer is checked: 200, and rows with grievances in them, within the caller's scope.
 */
final class ReviewLatency {

    /** One kind of request: who asks, the period (days ending today, IST) and the grouping. */
    record Scenario(String name, String role, String department, int days, String groupBy) {

        String query() {
            LocalDate today = LocalDate.now(Period.IST);
            return "/api/review?from=" + today.minusDays(days - 1) + "&to=" + today + "&groupBy=" + groupBy;
        }
    }

    static final List<Scenario> SCENARIOS = List.of(
            new Scenario("collector, by department, last 7 days", "collector", null, 7, "department"),
            new Scenario("collector, by block, last 7 days", "collector", null, 7, "block"),
            new Scenario("collector, by officer, last 7 days", "collector", null, 7, "officer"),
            new Scenario("collector, by department, last 30 days", "collector", null, 30, "department"),
            new Scenario("collector, by block, last 30 days", "collector", null, 30, "block"),
            new Scenario("collector, by officer, last 30 days", "collector", null, 30, "officer"),
            new Scenario("PHE head, by block, last 7 days", "department_head", "PHE", 7, "block"),
            new Scenario("PHE head, by officer, last 30 days", "department_head", "PHE", 30, "officer"));

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private final int warmUp;
    private final int requests;
    private final long budgetNanos;

    /** {@code requests} measured per scenario, or fewer if they take longer than {@code budget} in all. */
    ReviewLatency(URI base, int warmUp, int requests, Duration budget) {
        this.base = base;
        this.warmUp = warmUp;
        this.requests = requests;
        this.budgetNanos = budget.toNanos();
    }

    /** The floor: the same client and connection to the service's liveness check. */
    Latencies floor() throws Exception {
        return measure("/q/health/live", null, body -> { });
    }

    /** Tokens last five minutes: one per scenario, made just before it. */
    Latencies measure(Scenario scenario) throws Exception {
        String token = token(scenario);
        return measure(scenario.query(), token, body -> check(scenario, body));
    }

    private interface Check {
        void accept(String body) throws Exception;
    }

    private Latencies measure(String path, String token, Check check) throws Exception {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60)).GET();
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        HttpRequest request = builder.build();
        List<Long> nanos = new ArrayList<>(requests);
        long measuring = 0;
        long warming = 0;
        int warmed = 0;
        for (int i = 0; nanos.size() < requests && measuring < budgetNanos; i++) {
            long started = System.nanoTime();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            long took = System.nanoTime() - started;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
            }
            if (i == 0) {
                check.accept(response.body());
            }
            if (warmed < warmUp && warming < budgetNanos / 4) { // slow scenarios warm up for a quarter of the budget
                warmed++;
                warming += took;
            } else {
                nanos.add(took);
                measuring += took;
            }
        }
        return Latencies.of(nanos);
    }

    /** A real answer: rows, grievances received in them, and only the caller's department for a head. */
    private static void check(Scenario scenario, String body) throws Exception {
        JsonNode rows = Json.mapper().readTree(body).get("rows");
        long received = 0;
        for (JsonNode row : rows) {
            received += row.get("received").asLong();
            if (scenario.department() != null && !scenario.department().equals(row.get("departmentCode").asText())) {
                throw new IllegalStateException(scenario.name() + " shows " + row.get("departmentCode"));
            }
        }
        if (rows.size() < 2 || received == 0) {
            throw new IllegalStateException(scenario.name() + " answered no figures: " + body);
        }
    }

    private static String token(Scenario scenario) {
        return OfficialTokens.token("analytics-service", scenario.role(), scenario.role(), scenario.department(), null);
    }
}
