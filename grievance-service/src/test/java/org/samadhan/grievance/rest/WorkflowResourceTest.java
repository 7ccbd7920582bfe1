package org.samadhan.grievance.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.junit.jupiter.api.Test;
import org.samadhan.grievance.workflow.Workflow;
import org.samadhan.testsupport.KafkaTestResource;
import org.samadhan.testsupport.PostgresTestResource;

@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, parallel = true)
@WithTestResource(value = PostgresTestResource.class, parallel = true)
@WithTestResource(value = OidcWiremockTestResource.class, parallel = true)
class WorkflowResourceTest {

    @Test
    void servesTheWholeWorkflowAsData() {
        given().when().get("/api/workflow").then().statusCode(200)
                .body("$", hasSize(Workflow.TRANSITIONS.size()))
                .body("find { it.action == 'REJECT_RESOLUTION' }.from", containsInAnyOrder("RESOLVED"))
                .body("find { it.action == 'REJECT_RESOLUTION' }.roles", containsInAnyOrder("CITIZEN"))
                .body("find { it.action == 'REJECT_RESOLUTION' }.to", equalTo("REOPENED"))
                .body("find { it.action == 'ADD_NOTE' }.to", nullValue());
    }
}
