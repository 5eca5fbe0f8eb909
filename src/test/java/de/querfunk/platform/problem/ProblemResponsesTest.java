package de.querfunk.platform.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import java.util.Map;

import org.junit.jupiter.api.Test;

import de.querfunk.testing.Persona;
import de.querfunk.testing.Users;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Every kind of bad request is answered with an RFC 9457 problem of a stable type. */
@QuarkusTest
class ProblemResponsesTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void malformedJson_isMalformedJsonProblem() {
        Users.alice().request().body("{\"name\": \"x\", ").post("/api/v1/me/tokens")
                .then().statusCode(400).contentType(PROBLEM).body("type", equalTo("/problems/malformed-json"))
                .body("status", equalTo(400));
    }

    @Test
    void wrongJsonType_andUnknownField_areMalformedJsonProblems() {
        Persona alice = Users.alice();
        alice.request().body("{\"name\": [1,2], \"scope\": \"read\"}").post("/api/v1/me/tokens")
                .then().statusCode(400).contentType(PROBLEM).body("type", equalTo("/problems/malformed-json"));
        alice.request().body("{\"name\": \"x\", \"scope\": \"read\", \"admin\": true}").post("/api/v1/me/tokens")
                .then().statusCode(400).contentType(PROBLEM).body("type", equalTo("/problems/malformed-json"))
                .body("detail", containsString("admin"));
    }

    @Test
    void validation_namesEachInvalidField() {
        Users.alice().request().body(Map.of("name", "", "scope", "everything")).post("/api/v1/me/tokens")
                .then().statusCode(400).contentType(PROBLEM).body("type", equalTo("/problems/validation"))
                .body("errors.field", hasItems("name", "scope"));
    }

    @Test
    void missingBody_isValidationProblem() {
        Users.alice().request().post("/api/v1/me/tokens")
                .then().statusCode(400).contentType(PROBLEM).body("type", equalTo("/problems/validation"));
    }

    @Test
    void unknownRoute_isNotFoundProblem() {
        given().get("/api/v1/does-not-exist").then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo("/problems/not-found"));
        Users.alice().request().get("/api/v1/people/not-a-uuid").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void wrongMethod_isMethodNotAllowedProblem() {
        Users.alice().request().put("/api/v1/setup").then().statusCode(405).contentType(PROBLEM)
                .body("type", equalTo("/problems/method-not-allowed"));
    }

    @Test
    void unsupportedMediaType_isProblem() {
        Users.alice().request().contentType(ContentType.XML).body("<token/>").post("/api/v1/me/tokens")
                .then().statusCode(415).contentType(PROBLEM).body("type", equalTo("/problems/unsupported-media-type"));
    }

    @Test
    void unauthenticatedAndForbidden_areProblems() {
        given().get("/api/v1/people").then().statusCode(401).contentType(PROBLEM)
                .body("type", equalTo("/problems/unauthenticated"));
        Users.alice().request().get("/api/v1/invitations").then().statusCode(403).contentType(PROBLEM)
                .body("type", equalTo("/problems/forbidden"));
    }

    @Test
    void oversizedBody_isPayloadTooLargeProblem() {
        String big = "{\"name\": \"" + "x".repeat(3 * 1024 * 1024) + "\", \"scope\": \"read\"}";
        Users.alice().request().body(big).post("/api/v1/me/tokens")
                .then().statusCode(413).contentType(PROBLEM).body("type", equalTo("/problems/payload-too-large"));
    }

    @Test
    void conflict_isProblem() {
        Users.alice();
        given().contentType(ContentType.JSON).body(Users.details("alice", "Again"))
                .post("/api/v1/invitations/by-token/" + Users.invitationToken() + "/accept")
                .then().statusCode(409).contentType(PROBLEM).body("type", not(equalTo("/problems/internal")));
    }

    @Test
    void tooManyRequests_isProblemWithRetryAfter() {
        String username = "nobody-" + System.nanoTime();
        for (int i = 0; i < 5; i++) {
            Users.login(username, "wrong " + i);
        }
        Users.login(username, "wrong again").then().statusCode(429).contentType(PROBLEM)
                .header("Retry-After", org.hamcrest.Matchers.matchesPattern("\\d+"));
    }

    @Test
    void openApiDocumentsTheApi() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.keySet()", hasItems("/api/v1/session", "/api/v1/setup", "/api/v1/me"));
    }
}
