package de.querfunk.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import de.querfunk.testing.Persona;
import de.querfunk.testing.Users;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class InvitationAndDeactivationTest {

    @Inject
    EntityManager em;

    @Test
    void invitation_isCreatedByAdministratorsOnly_andWorksOnce() {
        Users.alice().request().body(Map.of()).post("/api/v1/invitations")
                .then().statusCode(403).body("type", equalTo("/problems/forbidden"));
        var invitation = Users.admin().request().body(Map.of("email", "neu@example.org")).post("/api/v1/invitations")
                .then().statusCode(201).body("url", startsWith("http")).extract().jsonPath();
        String token = invitation.getString("token");
        given().get("/api/v1/invitations/by-token/" + token).then().statusCode(200).body("email", equalTo("neu@example.org"));

        String username = "inv-" + System.nanoTime() % 1000000;
        given().contentType(ContentType.JSON).body(Users.details(username, "Invited One"))
                .post("/api/v1/invitations/by-token/" + token + "/accept").then().statusCode(201);
        given().contentType(ContentType.JSON).body(Users.details(username + "x", "Second Try"))
                .post("/api/v1/invitations/by-token/" + token + "/accept")
                .then().statusCode(410).body("type", equalTo("/problems/invitation-used"));
        Users.login(username + "x", Users.PASSWORD).then().statusCode(401);
    }

    @Test
    void invitation_expired_isRefused() {
        var invitation = Users.admin().request().body(Map.of()).post("/api/v1/invitations").then().statusCode(201)
                .extract().jsonPath();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE invitation SET expires_at = ?1 WHERE id = ?2")
                .setParameter(1, Instant.now().minusSeconds(60)).setParameter(2, java.util.UUID.fromString(invitation.getString("id")))
                .executeUpdate());
        given().contentType(ContentType.JSON).body(Users.details("late-" + System.nanoTime() % 100000, "Late"))
                .post("/api/v1/invitations/by-token/" + invitation.getString("token") + "/accept")
                .then().statusCode(410).body("type", equalTo("/problems/invitation-expired"));
        given().get("/api/v1/invitations/by-token/unknown-token").then().statusCode(404);
    }

    @Test
    void acceptInvitation_withTakenUsername_isConflictAndLeavesLinkUsable() {
        Users.alice();
        String token = Users.invitationToken();
        given().contentType(ContentType.JSON).body(Users.details("ALICE", "Other Alice"))
                .post("/api/v1/invitations/by-token/" + token + "/accept")
                .then().statusCode(409).body("type", equalTo("/problems/username-taken"));
        given().get("/api/v1/invitations/by-token/" + token).then().statusCode(200);
    }

    @Test
    void deactivation_endsAllSessionsAndTokensAtOnce_andReactivationAllowsLoginAgain() {
        Persona p = Users.fresh("leaver");
        String token = p.request().body(Map.of("name", "script", "scope", "write")).post("/api/v1/me/tokens")
                .then().statusCode(201).extract().path("token");
        String secondCookie = Users.login(p.username(), Users.PASSWORD).getCookie("qf_session");

        p.request().post("/api/v1/people/" + p.id() + "/deactivate").then().statusCode(403);
        Users.admin().request().post("/api/v1/people/" + p.id() + "/deactivate").then().statusCode(200).body("active", is(false));

        p.request().get("/api/v1/me").then().statusCode(401);
        given().cookie("qf_session", secondCookie).get("/api/v1/me").then().statusCode(401);
        given().header("Authorization", "Bearer " + token).get("/api/v1/me").then().statusCode(401);
        Users.login(p.username(), Users.PASSWORD).then().statusCode(401).body("type", equalTo("/problems/login-failed"));
        Number events = (Number) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT count(*) FROM event_log WHERE type = 'PersonDeactivated' AND payload->>'personId' = ?1")
                .setParameter(1, p.id().toString()).getSingleResult());
        org.assertj.core.api.Assertions.assertThat(events.longValue()).isEqualTo(1);

        Users.admin().request().post("/api/v1/people/" + p.id() + "/reactivate").then().statusCode(200).body("active", is(true));
        Users.login(p.username(), Users.PASSWORD).then().statusCode(201);
        given().header("Authorization", "Bearer " + token).get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void lastAdministrator_cannotBeDeactivated() {
        Persona admin = Users.admin();
        admin.request().post("/api/v1/people/" + admin.id() + "/deactivate")
                .then().statusCode(409).body("type", equalTo("/problems/last-administrator"));
    }

    @Test
    void directory_listsPeoplePagedAndSearchable() {
        Users.alice();
        Users.bob();
        Users.carol();
        var first = Users.bob().request().queryParam("limit", 2).get("/api/v1/people").then().statusCode(200)
                .extract().jsonPath();
        org.assertj.core.api.Assertions.assertThat(first.getList("items")).hasSize(2);
        String cursor = first.getString("nextCursor");
        org.assertj.core.api.Assertions.assertThat(cursor).isNotNull();
        var second = Users.bob().request().queryParam("limit", 2).queryParam("cursor", cursor).get("/api/v1/people")
                .then().statusCode(200).extract().jsonPath();
        org.assertj.core.api.Assertions.assertThat(second.getList("items.username"))
                .doesNotContainAnyElementsOf(first.getList("items.username"));
        Users.bob().request().queryParam("query", "ADLER").get("/api/v1/people").then().statusCode(200)
                .body("items.username", org.hamcrest.Matchers.hasItem("alice"));
        Users.bob().request().queryParam("cursor", "%%%garbage").get("/api/v1/people")
                .then().statusCode(400).body("type", equalTo("/problems/validation"));
        Users.bob().request().queryParam("limit", 0).get("/api/v1/people").then().statusCode(400);
    }
}
