package de.querfunk.platform.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class ProblemMappersTest {

    @Test
    void requestBody_withUnknownProperty_isMalformedJsonProblem() {
        given().contentType(ContentType.JSON).body(Map.of("username", "nobody", "password", "secret", "remember", true))
                .post("/api/v1/session")
                .then().statusCode(400).contentType(ProblemMappers.PROBLEM_JSON)
                .body("type", equalTo(Problems.MALFORMED_JSON));
    }

    @Test
    void requestBody_withValueOfWrongType_isMalformedJsonProblem() {
        given().contentType(ContentType.JSON).body("{\"username\": [\"nobody\"], \"password\": \"secret\"}")
                .post("/api/v1/session")
                .then().statusCode(400).contentType(ProblemMappers.PROBLEM_JSON)
                .body("type", equalTo(Problems.MALFORMED_JSON));
    }
}
