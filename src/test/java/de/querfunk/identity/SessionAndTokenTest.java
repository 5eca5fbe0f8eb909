package de.querfunk.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;

import org.junit.jupiter.api.Test;

import de.querfunk.testing.Persona;
import de.querfunk.testing.Users;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class SessionAndTokenTest {

    @Test
    void changingRequest_withSessionCookieButWithoutCsrfToken_isRefusedAndChangesNothing() {
        Persona p = Users.fresh("csrf");
        p.requestWithoutCsrf().body(Map.of("displayName", "Forged")).patch("/api/v1/me")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("/problems/csrf-token-invalid"));
        p.requestWithoutCsrf().header("X-CSRF-Token", "guessed").body(Map.of("displayName", "Forged")).patch("/api/v1/me")
                .then().statusCode(403);
        p.request().get("/api/v1/me").then().body("displayName", not(equalTo("Forged")));
        p.request().body(Map.of("displayName", "Real Name")).patch("/api/v1/me")
                .then().statusCode(200).body("displayName", equalTo("Real Name"));
    }

    @Test
    void session_canBeReadBackWithItsCsrfToken() {
        Persona p = Users.fresh("reload");
        p.request().get("/api/v1/session").then().statusCode(200).body("csrfToken", equalTo(p.csrfToken()))
                .body("person.username", equalTo(p.username()));
    }

    @Test
    void sessions_areListedAndAnotherCanBeEnded() {
        Persona p = Users.fresh("devices");
        Response second = Users.login(p.username(), Users.PASSWORD);
        String secondCookie = second.getCookie("qf_session");
        var sessions = p.request().get("/api/v1/me/sessions").then().statusCode(200).body("$", hasSize(2))
                .body("findAll { it.current }", hasSize(1)).extract().jsonPath();
        String other = sessions.getString("find { !it.current }.id");
        p.request().delete("/api/v1/me/sessions/" + other).then().statusCode(204);
        given().cookie("qf_session", secondCookie).get("/api/v1/me").then().statusCode(401);
        p.request().get("/api/v1/me").then().statusCode(200);
        Users.alice().request().delete("/api/v1/me/sessions/" + sessions.getString("find { it.current }.id"))
                .then().statusCode(404);
    }

    @Test
    void accessToken_isShownOnce_worksAsBearer_andCanBeRevoked() {
        Persona p = Users.fresh("api");
        Response created = p.request().body(Map.of("name", "CRM bridge", "scope", "write")).post("/api/v1/me/tokens");
        created.then().statusCode(201).body("token", startsWith("qfp_"));
        String token = created.path("token");
        String id = created.path("id");
        p.request().get("/api/v1/me/tokens").then().body("[0].name", equalTo("CRM bridge")).body("[0].token", nullValue());

        given().header("Authorization", "Bearer " + token).get("/api/v1/me").then().statusCode(200)
                .body("username", equalTo(p.username()));
        // A bearer token needs no CSRF token: it is never sent by a browser on its own.
        given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body(Map.of("displayName", "Via token")).patch("/api/v1/me").then().statusCode(200);

        p.request().delete("/api/v1/me/tokens/" + id).then().statusCode(204);
        given().header("Authorization", "Bearer " + token).get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void readScopedToken_mayReadButNotWrite() {
        Persona p = Users.fresh("reader");
        String token = p.request().body(Map.of("name", "dashboard", "scope", "read")).post("/api/v1/me/tokens")
                .then().statusCode(201).extract().path("token");
        given().header("Authorization", "Bearer " + token).get("/api/v1/me").then().statusCode(200);
        given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body(Map.of("displayName", "Nope")).patch("/api/v1/me")
                .then().statusCode(403).body("type", equalTo("/problems/insufficient-scope"));
    }

    @Test
    void createToken_withUnknownScope_isValidationProblem() {
        Users.alice().request().body(Map.of("name", "x", "scope", "admin")).post("/api/v1/me/tokens")
                .then().statusCode(400).body("type", equalTo("/problems/validation")).body("errors.field", hasItem("scope"));
    }

    @Test
    void changePassword_endsAllOtherSessionsButKeepsThisOne() {
        Persona p = Users.fresh("rotate");
        String otherCookie = Users.login(p.username(), Users.PASSWORD).getCookie("qf_session");
        p.request().body(Map.of("currentPassword", "wrong", "newPassword", "a brand new passphrase"))
                .put("/api/v1/me/password").then().statusCode(400).body("type", equalTo("/problems/current-password-wrong"));
        p.request().body(Map.of("currentPassword", Users.PASSWORD, "newPassword", "12345678"))
                .put("/api/v1/me/password").then().statusCode(400).body("type", equalTo("/problems/weak-password"));
        given().cookie("qf_session", otherCookie).get("/api/v1/me").then().statusCode(200);

        p.request().body(Map.of("currentPassword", Users.PASSWORD, "newPassword", "a brand new passphrase"))
                .put("/api/v1/me/password").then().statusCode(204);
        given().cookie("qf_session", otherCookie).get("/api/v1/me").then().statusCode(401);
        p.request().get("/api/v1/me").then().statusCode(200);
        Users.login(p.username(), Users.PASSWORD).then().statusCode(401);
        Users.login(p.username(), "a brand new passphrase").then().statusCode(201);
    }

    @Test
    void profile_rejectsUnknownLanguageAndTimeZone() {
        Persona p = Users.fresh("profile");
        p.request().body(Map.of("language", "fr")).patch("/api/v1/me")
                .then().statusCode(400).body("type", equalTo("/problems/validation")).body("errors[0].field", equalTo("language"));
        p.request().body(Map.of("timeZone", "Mars/Olympus")).patch("/api/v1/me")
                .then().statusCode(400).body("errors[0].field", equalTo("timeZone"));
        p.request().body(Map.of("language", "en", "timeZone", "America/New_York")).patch("/api/v1/me")
                .then().statusCode(200).body("language", equalTo("en")).body("timeZone", equalTo("America/New_York"));
    }

    @Test
    void passwordPolicy_followsNist_lengthAndCommonPasswordsButNoCompositionRules() {
        String token = Users.invitationToken();
        var details = new java.util.HashMap<>(Users.details("pw-" + System.nanoTime() % 100000, "Pat"));
        for (String weak : new String[] { "short", "password", "aaaaaaaaaaaa", "qwertyuiop" }) {
            details.put("password", weak);
            given().contentType(ContentType.JSON).body(details).post("/api/v1/invitations/by-token/" + token + "/accept")
                    .then().statusCode(400).body("type", equalTo("/problems/weak-password"));
        }
        // No composition rules: a long passphrase of lower-case words and spaces is fine, so are umlauts.
        details.put("password", "grüne äpfel unter dem kirschbaum");
        given().contentType(ContentType.JSON).body(details).post("/api/v1/invitations/by-token/" + token + "/accept")
                .then().statusCode(201).body("csrfToken", notNullValue()).body("person.administrator", is(false));
    }
}
