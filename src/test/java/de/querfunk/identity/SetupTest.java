package de.querfunk.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import de.querfunk.testing.Users;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class SetupTest {

    @Inject
    EntityManager em;

    @AfterEach
    void restoreAdministrator() {
        Users.forget();
        Users.admin();
    }

    @Test
    void setUp_onFreshInstallation_createsFirstAdministratorOnlyOnce() {
        withoutAnyAdministrator();
        given().get("/api/v1/setup").then().statusCode(200).body("setupRequired", is(true));

        given().contentType(ContentType.JSON)
                .body(Map.of("setupToken", "not-the-token", "administrator", Users.details("ada", "Ada Admin")))
                .post("/api/v1/setup")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("/problems/setup-token-invalid"));
        given().get("/api/v1/setup").then().body("setupRequired", is(true));

        given().contentType(ContentType.JSON)
                .body(Map.of("setupToken", Users.SETUP_TOKEN, "administrator", Users.details("ada", "Ada Admin")))
                .post("/api/v1/setup")
                .then().statusCode(201).body("person.username", equalTo("ada")).body("person.administrator", is(true));

        given().get("/api/v1/setup").then().body("setupRequired", is(false));
        given().contentType(ContentType.JSON)
                .body(Map.of("setupToken", Users.SETUP_TOKEN, "administrator", Users.details("mallory", "Mallory")))
                .post("/api/v1/setup")
                .then().statusCode(409).body("type", equalTo("/problems/setup-complete"));
    }

    @Test
    void setUp_withWeakPassword_isRejectedAndCreatesNothing() {
        withoutAnyAdministrator();
        var details = new java.util.HashMap<>(Users.details("ada", "Ada Admin"));
        details.put("password", "password");
        given().contentType(ContentType.JSON).body(Map.of("setupToken", Users.SETUP_TOKEN, "administrator", details))
                .post("/api/v1/setup")
                .then().statusCode(400).body("type", equalTo("/problems/weak-password")).body("errors[0].field", equalTo("password"));
        given().get("/api/v1/setup").then().body("setupRequired", is(true));
    }

    /** Removes every administrator, as on a new installation; {@link #restoreAdministrator} sets one up again. */
    private void withoutAnyAdministrator() {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("DELETE FROM invitation").executeUpdate();
            em.createNativeQuery("DELETE FROM person WHERE administrator").executeUpdate();
        });
        Users.forget();
    }
}
