package de.querfunk.platform.problem;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class InternalErrorTest {

    @Test
    void unexpectedFailure_answersOnlyAnErrorId_neverTheCause() {
        Response r = given().get("/api/v1/test-only/failure");
        r.then().statusCode(500).contentType("application/problem+json").body("type", equalTo("/problems/internal"));
        String errorId = r.path("errorId");
        assertThat(errorId).matches("[0-9a-f-]{36}");
        assertThat(r.asString()).doesNotContain("secret internal detail").doesNotContain("IllegalStateException")
                .doesNotContain("at de.querfunk");
        assertThat(r.jsonPath().getString("detail")).contains(errorId);
    }
}
