package org.samadhan.grievance.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.samadhan.grievance.TestGrievances;
import org.samadhan.testsupport.KafkaTestResource;
import org.samadhan.testsupport.PostgresTestResource;

/** Bad input gets a clear JSON answer: 400 naming the field, 404, 409 with the workflow's reason; never a trace. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, parallel = true)
@WithTestResource(value = PostgresTestResource.class, parallel = true)
@WithTestResource(value = OidcWiremockTestResource.class, parallel = true)
class ApiErrorsTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void validationErrorsNameTheField() throws Exception {
        String id = TestGrievances.assigned(dataSource, 1, "PHE", "Gurur").get(0);
        expect400(head().body(Map.of("photoRef", "x")).post(path(id, "resolve")), "note");
        expect400(head().body(Map.of("note", "   ")).post(path(id, "resolve")), "note");
        expect400(head().body(Map.of("note", "x".repeat(2001))).post(path(id, "resolve")), "note");
        expect400(head().body(Map.of()).post(path(id, "notes")), "text");
        expect400(head().post(path(id, "notes")), "text");
        expect400(head().body(Map.of("departmentCode", "WATER", "reason", "x")).post(path(id, "transfer")),
                "departmentCode");
        expect400(head().body(Map.of("departmentCode", "PWD")).post(path(id, "transfer")), "reason");
        expect400(head().body(Map.of("reason", "x")).post(path(id, "reassign")), "officerId");
        expect400(head().queryParam("size", 500).get("/api/grievances"), "size");
        expect400(head().queryParam("page", -1).get("/api/grievances"), "page");
        expect400(head().queryParam("status", "OPEN").get("/api/grievances"), "status");

        var unreadable = head().body("{\"note\": ").post(path(id, "resolve"));
        assertEquals(400, unreadable.statusCode(), unreadable.asString());
        unreadable.then().body(not(containsString("at org."))).body(not(containsString("Exception")));
        var wrongShape = head().body("[1, 2]").post(path(id, "resolve"));
        assertEquals(400, wrongShape.statusCode(), wrongShape.asString());

        assertEquals("ASSIGNED", head().get("/api/grievances/" + id).path("grievance.status"), "nothing changed");
    }

    @Test
    void aTransitionTheWorkflowRefusesIs409WithTheReasonAndChangesNothing() throws Exception {
        String id = TestGrievances.assigned(dataSource, 1, "PHE", "Gurur").get(0);
        head().body(Map.of("note", "Repaired")).post(path(id, "resolve")).then().statusCode(200);
        head().body(Map.of("note", "again")).post(path(id, "acknowledge")).then().statusCode(409)
                .body("error", equalTo("ACKNOWLEDGE is not possible while the grievance is RESOLVED"));
        head().body(Map.of("note", "Repaired twice")).post(path(id, "resolve")).then().statusCode(409)
                .body("error", equalTo("RESOLVE is not possible while the grievance is RESOLVED"));
        String other = TestGrievances.assigned(dataSource, 1, "PHE", "Gurur").get(0);
        head().body(Map.of("departmentCode", "PHE", "reason", "same")).post(path(other, "transfer")).then()
                .statusCode(409).body("error", equalTo("The grievance is already with PHE"));
        assertEquals(3, head().get("/api/grievances/" + id).jsonPath().getList("grievance.history").size());
    }

    @Test
    void unknownGrievancesAre404ByIdAndByNumber() {
        head().get("/api/grievances/" + UUID.randomUUID()).then().statusCode(404).body("status", equalTo(404));
        head().get("/api/grievances/BLD-1999-000001").then().statusCode(404)
                .body("error", equalTo("No grievance BLD-1999-000001"));
        head().body(Map.of("text", "x")).post("/api/grievances/nonsense/notes").then().statusCode(404);
    }

    @Test
    void transferAndReassignMoveTheGrievanceAsOfficersExpect() throws Exception {
        String id = TestGrievances.assigned(dataSource, 1, "PHE", "Gurur").get(0);
        String number = head().get("/api/grievances/" + id).path("grievance.number");
        Instant due = Instant.parse(head().get("/api/grievances/" + number).path("grievance.dueAt"));

        expect400(head().body(Map.of("officerId", "phe-gurur-l1b")).post(path(number, "reassign")), "officerId");
        expect400(head().body(Map.of("officerId", "electricity-gurur-l1")).post(path(number, "reassign")),
                "officerId"); // another department's officer
        var reassigned = head().body(Map.of("officerId", "phe-balod-l1", "block", "Balod"))
                .post(path(number, "reassign")).then().statusCode(200).extract();
        assertEquals("phe-balod-l1", reassigned.path("grievance.officerId"));
        assertEquals("phe-gurur-l1>phe-balod-l1", reassigned.path("grievance.history[-1].fromOfficer") + ">"
                + reassigned.path("grievance.history[-1].toOfficer"));
        assertEquals(due, Instant.parse(reassigned.path("grievance.dueAt")), "reassignment keeps the clock");

        Instant transferredAround = Instant.now();
        var transferred = head().body(Map.of("departmentCode", "ELECTRICITY", "reason", "It is a transformer"))
                .post(path(id, "transfer")).then().statusCode(200).extract();
        assertEquals("ELECTRICITY", transferred.path("grievance.departmentCode"));
        assertEquals(1, (int) transferred.path("grievance.level"));
        assertEquals("electricity-balod-l1", transferred.path("grievance.officerId"),
                "the new department's block officer holds it");
        Duration sla = Duration.between(transferredAround, Instant.parse(transferred.path("grievance.dueAt")));
        assertEquals(48, Math.round(sla.toMinutes() / 60.0), "the new department's service level");
        assertEquals("To ELECTRICITY: It is a transformer", transferred.path("grievance.history[-1].reason"));
        assertEquals("PHE_HEAD", transferred.path("grievance.history[-1].actorId").toString().toUpperCase()
                .replace("-", "_"));
        // It is no longer the PHE head's to see.
        head().get("/api/grievances/" + id).then().statusCode(404);
    }

    @Test
    void aPageBeyondAnyListIs400NotAServerError() {
        var response = head().get("/api/grievances?page=2147483647&size=100");
        expect400(response, "page");
        head().get("/api/grievances?page=21474836&size=100").then().statusCode(200).body("items.size()",
                org.hamcrest.Matchers.equalTo(0));
    }

    private static void expect400(io.restassured.response.Response response, String field) {
        assertEquals(400, response.statusCode(), response.asString());
        assertEquals(field, response.path("field"), response.asString());
    }

    private static String path(String reference, String action) {
        return "/api/grievances/" + reference + "/" + action;
    }

    private static RequestSpecification head() {
        return given().auth().oauth2(TestGrievances.token("phe-head", "department_head", "PHE", null))
                .contentType("application/json");
    }
}
