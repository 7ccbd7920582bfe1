package org.samadhan.portal.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.samadhan.portal.browser.Browser;
import org.samadhan.testsupport.Latencies;

/**
 * The portal's worklist and grievance pages timed as officials load them (signed in, over loopback, the whole page
 * received), against a grievance-service holding a district's year of grievances, beside floors measured in the same
 * rounds: the portal answering without a backend call, and grievance-service's own answers to the calls a page makes.
 * Every round takes every case once, in a new random order, so noise on this shared machine falls on all of them.
 * Usage (officer-portal/bench/run.sh sets it up): PageBenchmark portal grievance-service keycloak rounds warmup out
 */
public final class PageBenchmark {

    static final double TARGET_P99_MS = 150;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String PASSWORD = System.getenv().getOrDefault("LOCAL_OFFICIAL_PASSWORD", "local-password");

    /** One kind of request: a page (held to the target) or a floor (measured beside it). */
    record Case(String name, boolean page, Request request) {
    }

    @FunctionalInterface
    interface Request {
        /** Sends it and answers the response's body, failing on anything but the page or answer expected. */
        String send() throws IOException, InterruptedException;
    }

    public static void main(String[] args) throws Exception {
        String portal = args[0];
        String grievances = args[1];
        String keycloak = args[2];
        int rounds = Integer.parseInt(args[3]);
        int warmup = Integer.parseInt(args[4]);
        Path out = Path.of(args[5]);
        Random random = new Random(2026);

        SignedInOfficial collector;
        SignedInOfficial head;
        SignedInOfficial officer;
        try (Browser browser = new Browser()) {
            collector = SignedInOfficial.signIn(browser, portal, "collector", PASSWORD);
            head = SignedInOfficial.signIn(browser, portal, "phe-head", PASSWORD);
            officer = SignedInOfficial.signIn(browser, portal, "phe-gurur", PASSWORD);
        }
        String collectorToken = token(keycloak, "collector");
        JsonNode districtCounts = api(grievances + "/api/grievances/counts", collectorToken);
        long total = api(grievances + "/api/grievances?size=1", collectorToken).path("total").asLong();
        List<String> officersOwn = numbers(grievances, token(keycloak, "phe-gurur"));
        List<String> searches = List.of("Jhalmala", "हैंडपंप", "pension", "BLD-2026-0123", "transformer", "Kanakot");

        List<Case> cases = List.of(
                new Case("worklist, collector, open grievances of the district", true,
                        () -> page(collector, portal + "/worklist", "<table")),
                new Case("worklist, collector, overdue tab", true,
                        () -> page(collector, portal + "/worklist?tab=overdue", "<table")),
                new Case("worklist, collector, free-text search", true,
                        () -> page(collector, portal + "/worklist?q=" + encode(pick(searches, random)), "<main")),
                new Case("worklist, collector, page 31 (rows 601-620)", true,
                        () -> page(collector, portal + "/worklist?page=30", "<table")),
                new Case("worklist, department head (PHE)", true,
                        () -> page(head, portal + "/worklist", "<table")),
                new Case("worklist, block officer (PHE Gurur)", true,
                        () -> page(officer, portal + "/worklist", "<table")),
                new Case("worklist refresh (htmx table), collector", true,
                        () -> page(collector, portal + "/worklist/table?tab=all", "<table")),
                new Case("grievance page, collector, any grievance", true, () -> {
                    String number = "BLD-2026-" + String.format("%06d", 1 + random.nextInt((int) total));
                    return page(collector, portal + "/grievances/" + number, number);
                }),
                new Case("grievance page, block officer, their own", true, () -> {
                    String number = pick(officersOwn, random);
                    return page(officer, portal + "/grievances/" + number, number);
                }),
                new Case("floor: portal liveness (no backend call)", false,
                        () -> page(collector, portal + "/q/health/live", "UP")),
                new Case("floor: grievance-service list (collector, open, 20)", false,
                        () -> api(grievances + "/api/grievances?status=ASSIGNED,IN_PROGRESS,REOPENED&page=0&size=20",
                                collectorToken).toString()),
                new Case("floor: grievance-service tab counts (collector)", false,
                        () -> api(grievances + "/api/grievances/counts", collectorToken).toString()),
                new Case("floor: grievance-service one grievance (collector)", false,
                        () -> api(grievances + "/api/grievances/BLD-2026-"
                                + String.format("%06d", 1 + random.nextInt((int) total)), collectorToken).toString()));

        Map<Case, List<Long>> measured = new LinkedHashMap<>();
        cases.forEach(c -> measured.put(c, new ArrayList<>()));
        List<Case> order = new ArrayList<>(cases);
        for (int round = 0; round < warmup + rounds; round++) {
            Collections.shuffle(order, random);
            for (Case c : order) {
                long start = System.nanoTime();
                c.request().send();
                long took = System.nanoTime() - start;
                if (round >= warmup) {
                    measured.get(c).add(took);
                }
            }
        }

        var report = new StringBuilder();
        report.append("| request | n | p50 ms | p99 ms | max ms | target p99 |\n|---|---|---|---|---|---|\n");
        boolean met = true;
        for (var entry : measured.entrySet()) {
            Latencies l = Latencies.of(entry.getValue());
            boolean ok = !entry.getKey().page() || l.p99() <= TARGET_P99_MS;
            met &= ok;
            report.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s |%n", entry.getKey().name(),
                    l.count(), Latencies.ms(l.p50()), Latencies.ms(l.p99()), Latencies.ms(l.max()),
                    entry.getKey().page() ? (ok ? "≤ 150 ms: met" : "≤ 150 ms: MISSED") : "floor"));
        }
        String data = String.format(Locale.ROOT, "%d grievances in the district; open: %d new, %d in progress, %d "
                        + "reopened (%d overdue), %d awaiting the citizen; the block officer's own: %d sampled",
                total, districtCounts.path("new").asLong(), districtCounts.path("inProgress").asLong(),
                districtCounts.path("reopened").asLong(), districtCounts.path("overdue").asLong(),
                districtCounts.path("awaitingCitizen").asLong(), officersOwn.size());
        String text = "Data: " + data + ".\n" + rounds + " measured rounds after " + warmup
                + " warm-up rounds, every case once per round in random order.\n\n" + report;
        Files.writeString(out, text);
        System.out.println(text);
        System.exit(met ? 0 : 1);
    }

    private static String page(SignedInOfficial official, String url, String expected)
            throws IOException, InterruptedException {
        HttpResponse<String> r = official.get(url);
        if (r.statusCode() != 200 || !r.body().contains(expected) || r.uri().getPort() != URI.create(url).getPort()) {
            throw new IllegalStateException(official.username + " got " + r.statusCode() + " from " + r.uri()
                    + " instead of a page containing " + expected);
        }
        return r.body();
    }

    private static JsonNode api(String url, String token) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /** Grievance numbers the official may see, from the first pages of their list. */
    private static List<String> numbers(String grievances, String token) throws IOException, InterruptedException {
        List<String> numbers = new ArrayList<>();
        for (int p = 0; p < 5; p++) {
            api(grievances + "/api/grievances?page=" + p + "&size=100", token).path("items")
                    .forEach(g -> numbers.add(g.path("number").asText()));
        }
        if (numbers.isEmpty()) {
            throw new IllegalStateException("the block officer sees no grievances: is the data loaded?");
        }
        return numbers;
    }

    /** An official's access token for the calls the portal makes on their behalf (the portal's client). */
    private static String token(String keycloak, String username) throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=officer-portal&username=" + username + "&password="
                + encode(PASSWORD);
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(
                        keycloak + "/realms/balod/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("Keycloak gave " + username + " no token: " + r.statusCode());
        }
        return JSON.readTree(r.body()).path("access_token").asText();
    }

    private static <T> T pick(List<T> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private PageBenchmark() {
    }
}
