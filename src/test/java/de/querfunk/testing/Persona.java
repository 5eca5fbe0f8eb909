package de.querfunk.testing;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** A signed-in test person: a browser session with its CSRF token. */
public record Persona(UUID id, String username, String password, String sessionCookie, String csrfToken) {

    /** A request as this person's browser makes it: session cookie, CSRF header, JSON. */
    public RequestSpecification request() {
        return given().cookie("qf_session", sessionCookie).header("X-CSRF-Token", csrfToken).contentType(ContentType.JSON);
    }

    /** A request with the session cookie but without the CSRF header, as a forged cross-site request would be. */
    public RequestSpecification requestWithoutCsrf() {
        return given().cookie("qf_session", sessionCookie).contentType(ContentType.JSON);
    }
}
