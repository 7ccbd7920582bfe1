package org.samadhan.grievance.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.samadhan.grievance.TestGrievances;
import org.samadhan.testsupport.KafkaTestResource;
import org.samadhan.testsupport.PostgresTestResource;

/** The officers' worklist: filters by status, department, block, overdue and text; pages that never overlap. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, parallel = true)
@WithTestResource(value = PostgresTestResource.class, parallel = true)
@WithTestResource(value = OidcWiremockTestResource.class, parallel = true)
class GrievanceListTest {

    private static final String COLLECTOR = TestGrievances.token("collector", "collector", null, null);

    @Inject
    AgroalDataSource dataSource;

    @Test
    void filtersAndPagesNarrowTheWorklistAsAsked() throws Exception {
        // TRIBAL in Dondi Lohara is used by no other test, so these five are all there is.
        List<String> ids = TestGrievances.assigned(dataSource, 5, "TRIBAL", "Dondi Lohara");
        given().auth().oauth2(COLLECTOR).contentType("application/json").body(Map.of("note", "Warden informed"))
                .post("/api/grievances/" + ids.get(0) + "/acknowledge").then().statusCode(200);
        given().auth().oauth2(COLLECTOR).contentType("application/json").body(Map.of("note", "Scholarship paid"))
                .post("/api/grievances/" + ids.get(1) + "/resolve").then().statusCode(200);
        try (var c = dataSource.getConnection(); var s = c.prepareStatement(
                "update grievance set due_at = now() - interval '1 hour' where id = ?")) {
            s.setObject(1, UUID.fromString(ids.get(2)));
            s.executeUpdate();
        }

        assertEquals(5, list(Map.of("department", "TRIBAL")).getInt("total"));
        assertEquals(5, list(Map.of("block", "dondi lohara", "department", "TRIBAL")).getInt("total"),
                "block matches regardless of case");
        assertEquals(List.of(ids.get(0)), list(Map.of("department", "TRIBAL", "status", "IN_PROGRESS"))
                .getList("items.id"));
        assertEquals(2, list(Map.of("department", "TRIBAL", "status", "RESOLVED,in_progress")).getInt("total"));
        JsonPath overdue = list(Map.of("department", "TRIBAL", "overdue", "true"));
        assertEquals(List.of(ids.get(2)), overdue.getList("items.id"));
        assertEquals(List.of(true), overdue.getList("items.overdue"));

        String number = given().auth().oauth2(COLLECTOR).get("/api/grievances/" + ids.get(3)).path("grievance.number");
        assertEquals(List.of(ids.get(3)), list(Map.of("q", number.toLowerCase())).getList("items.id"));

        JsonPath all = list(Map.of("department", "TRIBAL", "size", "5"));
        assertEquals(ids.get(2), all.getString("items[0].id"), "the overdue one comes first");
        assertEquals(ids.get(1), all.getString("items[4].id"), "the resolved one comes last");
        List<String> paged = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            JsonPath result = list(Map.of("department", "TRIBAL", "size", "2", "page", String.valueOf(page)));
            assertEquals(5, result.getInt("total"));
            paged.addAll(result.getList("items.id"));
        }
        assertEquals(5, paged.size());
        assertEquals(new HashSet<>(ids), new HashSet<>(paged), "pages cover everything once");
        assertTrue(list(Map.of("department", "TRIBAL", "size", "2", "page", "3")).getList("items").isEmpty());
    }

    private static JsonPath list(Map<String, String> query) {
        var response = given().auth().oauth2(COLLECTOR).queryParams(query).get("/api/grievances");
        assertEquals(200, response.statusCode(), response.asString());
        return response.jsonPath();
    }
}
