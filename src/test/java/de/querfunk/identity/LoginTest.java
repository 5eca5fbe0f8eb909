package de.querfunk.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import de.querfunk.testing.Persona;
import de.querfunk.testing.Users;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class LoginTest {

    @Test
    void login_withRightPassword_setsHttpOnlyLaxSessionCookieAndReturnsCsrfToken() {
        Persona alice = Users.alice();
        Response r = Users.login(alice.username(), Users.PASSWORD);
        r.then().statusCode(201).body("person.username", equalTo("alice")).body("csrfToken", notNullValue())
                .header("Set-Cookie", containsString("qf_session="))
                .header("Set-Cookie", containsString("HttpOnly"))
                .header("Set-Cookie", containsString("SameSite=Lax"));
        given().cookie("qf_session", r.getCookie("qf_session")).get("/api/v1/me")
                .then().statusCode(200).body("username", equalTo("alice"));
    }

    @Test
    void login_usernameIsCaseInsensitive() {
        Users.alice();
        Users.login("ALICE", Users.PASSWORD).then().statusCode(201).body("person.username", equalTo("alice"));
    }

    @Test
    void login_unknownUserAndWrongPassword_getTheSameAnswer() {
        Persona bob = Users.bob();
        Response wrong = Users.login(bob.username(), "wrong password entirely");
        Response unknown = Users.login("nobody-" + System.nanoTime(), "wrong password entirely");
        wrong.then().statusCode(401).contentType("application/problem+json").body("type", equalTo("/problems/login-failed"));
        unknown.then().statusCode(401).body("type", equalTo("/problems/login-failed"));
        org.assertj.core.api.Assertions.assertThat(wrong.jsonPath().getString("detail"))
                .isEqualTo(unknown.jsonPath().getString("detail"));
    }

    @Test
    void login_repeatedFailures_areRefusedWith429AndRetryAfter_evenForUnknownAccounts() {
        for (String username : new String[] { Users.fresh("throttled").username(), "ghost-" + System.nanoTime() }) {
            int refusedAt = -1;
            for (int i = 0; i < 10 && refusedAt < 0; i++) {
                Response r = Users.login(username, "not the password " + i);
                if (r.statusCode() == 429) {
                    refusedAt = i;
                    r.then().contentType("application/problem+json").body("type", equalTo("/problems/too-many-requests"))
                            .header("Retry-After", notNullValue());
                } else {
                    r.then().statusCode(401);
                }
            }
            org.assertj.core.api.Assertions.assertThat(refusedAt).as("refused after a few failures").isBetween(1, 9);
        }
    }

    @Test
    void login_whileThrottled_isRefusedEvenWithTheRightPassword() {
        Persona victim = Users.fresh("victim");
        for (int i = 0; i < 6; i++) {
            Users.login(victim.username(), "guess " + i);
        }
        Users.login(victim.username(), Users.PASSWORD).then().statusCode(429).header("Retry-After", not(equalTo("0")));
    }

    @Test
    void login_manyFailuresFromOneAddress_areRefusedForEveryAccountFromThere() {
        String address = "198.19.0." + (1 + (int) (System.nanoTime() % 250));
        Persona dora = Users.fresh("dora");
        int refusedAt = -1;
        for (int i = 0; i < 30 && refusedAt < 0; i++) {
            Response r = Users.loginFrom(address, "sprayed-" + i + "-" + System.nanoTime(), "Summer2026!");
            if (r.statusCode() == 429) {
                refusedAt = i;
            }
        }
        org.assertj.core.api.Assertions.assertThat(refusedAt).as("address refused after many failures").isBetween(5, 29);
        Users.loginFrom(address, dora.username(), Users.PASSWORD).then().statusCode(429);
        Users.login(dora.username(), Users.PASSWORD).then().statusCode(201);
    }

    @Test
    void logout_endsTheSession() {
        Persona carol = Users.fresh("carol");
        carol.requestWithoutCsrf().delete("/api/v1/session").then().statusCode(403);
        carol.request().get("/api/v1/me").then().statusCode(200);
        carol.request().delete("/api/v1/session").then().statusCode(204)
                .header("Set-Cookie", containsString("Max-Age=0"));
        carol.request().get("/api/v1/me").then().statusCode(401).body("type", equalTo("/problems/unauthenticated"));
    }

    @Test
    void me_withoutCredentials_is401Problem() {
        given().get("/api/v1/me").then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("/problems/unauthenticated"));
        given().cookie("qf_session", "forged").get("/api/v1/me").then().statusCode(401);
    }
}
