package org.samadhan.grievance.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.samadhan.grievance.TestGrievances;
import org.samadhan.testsupport.KafkaTestResource;
import org.samadhan.testsupport.PostgresTestResource;

/**
 * The whole matrix of roles x departments x endpoints against a real OIDC test server: who sees and may act on a
 * PHE grievance in Gurur block, and that everyone else gets exactly the answer a non-existent grievance gets.
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, parallel = true)
@WithTestResource(value = PostgresTestResource.class, parallel = true)
@WithTestResource(value = OidcWiremockTestResource.class, parallel = true)
class OfficerAccessTest {

    /** Who signs in: role, department and block claims, and whether the PHE/Gurur grievance is theirs. */
    enum Caller {
        OFFICER_PHE_GURUR("officer", "PHE", "Gurur", true),
        OFFICER_PHE_BALOD("officer", "PHE", "Balod", false),
        OFFICER_ELECTRICITY_GURUR("officer", "ELECTRICITY", "Gurur", false),
        OFFICER_WITHOUT_CLAIMS("officer", null, null, false),
        HEAD_PHE("department_head", "PHE", null, true),
        HEAD_ELECTRICITY("department_head", "ELECTRICITY", null, false),
        COLLECTOR("collector", null, null, true);

        final String role;
        final String department;
        final String block;
        final boolean inScope;

        Caller(String role, String department, String block, boolean inScope) {
            this.role = role;
            this.department = department;
            this.block = block;
            this.inScope = inScope;
        }

        String token() {
            return TestGrievances.token(name().toLowerCase(), role, department, block);
        }
    }

    /** Each endpoint, with a request body that is valid, and what it should do for a caller in scope. */
    enum Endpoint {
        GET_ONE("GET", "", null, "ASSIGNED"),
        ACKNOWLEDGE("POST", "/acknowledge", Map.of("note", "Seen, team going tomorrow"), "IN_PROGRESS"),
        ADD_NOTE("POST", "/notes", Map.of("text", "Spare parts ordered"), "ASSIGNED"),
        RESOLVE("POST", "/resolve", Map.of("note", "Handpump repaired, washer replaced"), "RESOLVED"),
        TRANSFER("POST", "/transfer", Map.of("departmentCode", "PANCHAYAT", "reason", "Village scheme pump"),
                "ASSIGNED"),
        REASSIGN("POST", "/reassign", Map.of("officerId", "phe-balod-l1", "reason", "On leave"), "ASSIGNED");

        final String method;
        final String path;
        final Map<String, String> body;
        final String statusAfter;

        Endpoint(String method, String path, Map<String, String> body, String statusAfter) {
            this.method = method;
            this.path = path;
            this.body = body;
            this.statusAfter = statusAfter;
        }

        Response call(String token, String reference) {
            var request = given().contentType("application/json");
            if (token != null) {
                request = request.auth().oauth2(token);
            }
            if (body != null) {
                request = request.body(body);
            }
            return request.request(method, "/api/grievances/" + reference + path);
        }
    }

    @Inject
    AgroalDataSource dataSource;

    private Iterator<String> fresh;

    @BeforeEach
    void grievances() throws Exception {
        int needed = Caller.values().length * Endpoint.values().length;
        fresh = new ArrayList<>(TestGrievances.assigned(dataSource, needed, "PHE", "Gurur")).iterator();
    }

    @Test
    void everyRoleDepartmentAndEndpointCombinationBehavesAsScoped() {
        List<String> mismatches = new ArrayList<>();
        for (Caller caller : Caller.values()) {
            String token = caller.token();
            for (Endpoint endpoint : Endpoint.values()) {
                String id = fresh.next();
                Response response = endpoint.call(token, id);
                int expected = !caller.inScope ? 404
                        : endpoint == Endpoint.REASSIGN && caller.role.equals("officer") ? 409 : 200;
                if (response.statusCode() != expected) {
                    mismatches.add(caller + " " + endpoint + ": " + response.statusCode() + " " + response.asString());
                    continue;
                }
                if (expected == 404) {
                    // Indistinguishable from a grievance that does not exist.
                    String unknown = UUID.randomUUID().toString();
                    assertEquals(endpoint.call(token, unknown).asString().replace(unknown, "X"),
                            response.asString().replace(id, "X"), caller + " " + endpoint);
                } else if (expected == 200) {
                    assertEquals(endpoint.statusAfter, response.path("grievance.status"), caller + " " + endpoint);
                    String lastActor = response.path("grievance.history[-1].actorId");
                    assertEquals(endpoint == Endpoint.GET_ONE ? "routing-service" : caller.name().toLowerCase(),
                            lastActor, caller + " " + endpoint);
                } else {
                    assertEquals("REASSIGN is not open to the officer role", response.path("error"));
                }
            }
        }
        assertEquals(List.of(), mismatches);
    }

    @Test
    void theListShowsOnlyWhatTheCallerMaySeeAndCountsNothingElse() {
        String reference = fresh.next();
        for (Caller caller : Caller.values()) {
            Response page = given().auth().oauth2(caller.token()).queryParam("size", 100)
                    .queryParam("q", numberOf(reference)).get("/api/grievances");
            assertEquals(200, page.statusCode(), caller + " " + page.asString());
            assertEquals(caller.inScope ? 1 : 0, page.<Integer>path("total"), caller.name());
            var unfiltered = given().auth().oauth2(caller.token()).queryParam("size", 100).get("/api/grievances");
            assertEquals(200, unfiltered.statusCode(), caller + " " + unfiltered.asString());
            List<String> departments = unfiltered.path("items.departmentCode");
            if (caller.department != null && caller.role.equals("officer")) {
                assertTrue(departments.stream().allMatch(caller.department::equals), caller + " " + departments);
            }
        }
    }

    @Test
    void withoutATokenOrWithoutAnOfficialsRoleNothingIsAnswered() {
        String id = fresh.next();
        for (Endpoint endpoint : Endpoint.values()) {
            assertEquals(401, endpoint.call(null, id).statusCode(), endpoint.name());
            assertEquals(403, endpoint.call(TestGrievances.token("citizen", "citizen", "PHE", "Gurur"), id)
                    .statusCode(), endpoint.name());
        }
        given().get("/api/grievances").then().statusCode(401);
        given().auth().oauth2("not-a-token").get("/api/grievances").then().statusCode(401);
        // A token issued for another service is refused, however valid its signature and roles.
        String otherAudience = io.smallrye.jwt.build.Jwt.preferredUserName("collector").subject("collector")
                .groups(java.util.Set.of("collector")).issuer("https://server.example.com")
                .audience("analytics-elsewhere").jws().keyId("1").sign("privateKey.jwk");
        given().auth().oauth2(otherAudience).get("/api/grievances").then().statusCode(401);
        given().get("/q/openapi").then().statusCode(200).body(org.hamcrest.Matchers.containsString("/api/grievances"));
        given().get("/api/workflow").then().statusCode(200).body("size()", equalTo(11));
    }

    private String numberOf(String id) {
        return given().auth().oauth2(Caller.COLLECTOR.token()).get("/api/grievances/" + id).path("grievance.number");
    }
}
