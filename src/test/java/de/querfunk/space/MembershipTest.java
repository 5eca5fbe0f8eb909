package de.querfunk.space;

import static de.querfunk.space.TestSpaces.aSpace;
import static de.querfunk.space.TestSpaces.archive;
import static de.querfunk.space.TestSpaces.join;
import static de.querfunk.space.TestSpaces.putMember;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import de.querfunk.platform.web.Cursors;
import de.querfunk.space.TestSpaces.CreatedSpace;
import de.querfunk.testing.Persona;
import de.querfunk.testing.Users;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class MembershipTest {

    @Test
    void join_openSpace_makesMemberWhoMayPost() {
        CreatedSpace space = aSpace().open().by(Users.alice()).create();

        Users.bob().request().put("/api/v1/spaces/{id}/membership", space.id()).then().statusCode(200)
                .body("myRole", equalTo("member"))
                .body("memberCount", equalTo(2))
                .body("canPost", equalTo(true))
                .body("canModerate", equalTo(false))
                .body("canJoin", equalTo(false));
        Users.bob().request().get("/api/v1/me/spaces").then()
                .body("find { it.id == '" + space.id() + "' }.myRole", equalTo("member"));
    }

    @Test
    void join_twice_changesNothing() {
        CreatedSpace space = aSpace().open().by(Users.alice()).create();
        join(Users.bob(), space.id());

        Users.bob().request().put("/api/v1/spaces/{id}/membership", space.id()).then().statusCode(200)
                .body("memberCount", equalTo(2)).body("myRole", equalTo("member"));
    }

    @Test
    void join_announcementSpace_makesMemberWhoMayNotPost() {
        CreatedSpace space = aSpace().announcement().by(Users.alice()).create();

        Users.bob().request().put("/api/v1/spaces/{id}/membership", space.id()).then().statusCode(200)
                .body("myRole", equalTo("member"))
                .body("canPost", equalTo(false));
    }

    @Test
    void join_asModeratorAlready_keepsTheRole() {
        CreatedSpace space = aSpace().open().by(Users.alice()).create();

        Users.alice().request().put("/api/v1/spaces/{id}/membership", space.id()).then().statusCode(200)
                .body("myRole", equalTo("moderator"));
    }

    @Test
    void leave_asMember_removesMembership() {
        CreatedSpace space = aSpace().open().by(Users.alice()).create();
        join(Users.bob(), space.id());

        Users.bob().request().delete("/api/v1/spaces/{id}/membership", space.id()).then().statusCode(204);
        Users.bob().request().get("/api/v1/spaces/{id}", space.id()).then()
                .body("myRole", nullValue()).body("memberCount", equalTo(1));
        Users.bob().request().get("/api/v1/me/spaces").then().body("id", not(hasItem(space.id().toString())));
        // Leaving again changes nothing.
        Users.bob().request().delete("/api/v1/spaces/{id}/membership", space.id()).then().statusCode(204);
    }

    @Test
    void leave_closedSpace_makesItInvisible() {
        CreatedSpace space = aSpace().closed().by(Users.alice()).create();
        putMember(Users.alice(), space.id(), Users.bob(), "member");

        Users.bob().request().delete("/api/v1/spaces/{id}/membership", space.id()).then().statusCode(204);
        Users.bob().request().get("/api/v1/spaces/{id}", space.id()).then().statusCode(404);
    }

    @Test
    void leave_asLastModerator_answers409() {
        CreatedSpace space = aSpace().open().by(Users.alice()).create();
        join(Users.bob(), space.id());

        Users.alice().request().delete("/api/v1/spaces/{id}/membership", space.id()).then().statusCode(409)
                .body("type", equalTo(SpaceProblems.LAST_MODERATOR));
        Users.alice().request().delete("/api/v1/spaces/{id}/members/{personId}", space.id(), Users.alice().id())
                .then().statusCode(409).body("type", equalTo(SpaceProblems.LAST_MODERATOR));
        Users.alice().request().get("/api/v1/spaces/{id}", space.id()).then().body("myRole", equalTo("moderator"));
    }

    @Test
    void leave_asModeratorWithAnotherModerator_isAllowed() {
        Persona alice = Users.alice();
        CreatedSpace space = aSpace().open().by(alice).create();
        putMember(alice, space.id(), Users.bob(), "moderator");

        alice.request().delete("/api/v1/spaces/{id}/membership", space.id()).then().statusCode(204);
        Users.bob().request().get("/api/v1/spaces/{id}/members", space.id()).then()
                .body("items.username", equalTo(List.of("bob")));
    }

    @Test
    void demote_lastModerator_answers409() {
        CreatedSpace space = aSpace().open().by(Users.alice()).create();
        join(Users.bob(), space.id());

        Users.alice().request().body(Map.of("role", "member"))
                .put("/api/v1/spaces/{id}/members/{personId}", space.id(), Users.alice().id())
                .then().statusCode(409).body("type", equalTo(SpaceProblems.LAST_MODERATOR));
    }

    @Test
    void lastModeratorRule_doesNotCountDeactivatedModerators() {
        Persona alice = Users.alice();
        Persona gone = Users.fresh("gone");
        CreatedSpace space = aSpace().open().by(alice).create();
        putMember(alice, space.id(), gone, "moderator");
        Users.admin().request().post("/api/v1/people/{id}/deactivate", gone.id()).then().statusCode(200);

        alice.request().delete("/api/v1/spaces/{id}/membership", space.id()).then().statusCode(409)
                .body("type", equalTo(SpaceProblems.LAST_MODERATOR));
        // The deactivated moderator can be demoted and removed, though.
        putMember(alice, space.id(), gone, "member");
        alice.request().delete("/api/v1/spaces/{id}/members/{personId}", space.id(), gone.id()).then().statusCode(204);
    }

    @Test
    void moderator_addsAppointsDemotesAndRemovesMembers() {
        Persona alice = Users.alice();
        Persona bob = Users.bob();
        Persona carol = Users.carol();
        CreatedSpace space = aSpace().closed().by(alice).create();

        alice.request().body(Map.of("role", "member")).put("/api/v1/spaces/{id}/members/{personId}", space.id(), bob.id())
                .then().statusCode(200)
                .body("personId", equalTo(bob.id().toString()))
                .body("username", equalTo("bob"))
                .body("displayName", equalTo("Bob Becker"))
                .body("role", equalTo("member"))
                .body("active", equalTo(true));
        bob.request().get("/api/v1/spaces/{id}", space.id()).then().statusCode(200).body("myRole", equalTo("member"));
        bob.request().body(Map.of("role", "member")).put("/api/v1/spaces/{id}/members/{personId}", space.id(), carol.id())
                .then().statusCode(403).body("type", equalTo(SpaceProblems.MODERATOR_REQUIRED));

        putMember(alice, space.id(), bob, "moderator");
        bob.request().body(Map.of("role", "member")).put("/api/v1/spaces/{id}/members/{personId}", space.id(), carol.id())
                .then().statusCode(200).body("role", equalTo("member"));
        bob.request().body(Map.of("role", "member")).put("/api/v1/spaces/{id}/members/{personId}", space.id(), alice.id())
                .then().statusCode(200).body("role", equalTo("member"));
        alice.request().get("/api/v1/spaces/{id}", space.id()).then()
                .body("myRole", equalTo("member")).body("canModerate", equalTo(false));
        alice.request().delete("/api/v1/spaces/{id}/members/{personId}", space.id(), carol.id()).then().statusCode(403)
                .body("type", equalTo(SpaceProblems.MODERATOR_REQUIRED));

        bob.request().delete("/api/v1/spaces/{id}/members/{personId}", space.id(), carol.id()).then().statusCode(204);
        carol.request().get("/api/v1/spaces/{id}", space.id()).then().statusCode(404);
        bob.request().get("/api/v1/spaces/{id}/members", space.id()).then()
                .body("items.username", equalTo(List.of("bob", "alice")))
                .body("items.role", equalTo(List.of("moderator", "member")));
    }

    @Test
    void removeMember_whoIsNotAMember_changesNothing() {
        CreatedSpace space = aSpace().open().by(Users.alice()).create();

        Users.alice().request().delete("/api/v1/spaces/{id}/members/{personId}", space.id(), Users.carol().id())
                .then().statusCode(204);
    }

    @Test
    void addMember_deactivatedPerson_answers409() {
        Persona alice = Users.alice();
        Persona gone = Users.fresh("inactive");
        Users.admin().request().post("/api/v1/people/{id}/deactivate", gone.id()).then().statusCode(200);
        CreatedSpace space = aSpace().closed().by(alice).create();

        alice.request().body(Map.of("role", "member")).put("/api/v1/spaces/{id}/members/{personId}", space.id(), gone.id())
                .then().statusCode(409).body("type", equalTo(SpaceProblems.PERSON_DEACTIVATED));
        alice.request().get("/api/v1/spaces/{id}", space.id()).then().body("memberCount", equalTo(1));
    }

    @Test
    void addMember_unknownPerson_answers404() {
        CreatedSpace space = aSpace().open().by(Users.alice()).create();

        Users.alice().request().body(Map.of("role", "member"))
                .put("/api/v1/spaces/{id}/members/{personId}", space.id(), UUID.randomUUID())
                .then().statusCode(404).body("type", equalTo("/problems/not-found"));
    }

    @Test
    void addMember_withInvalidRole_answersValidationProblem() {
        CreatedSpace space = aSpace().open().by(Users.alice()).create();

        Users.alice().request().body(Map.of("role", "owner"))
                .put("/api/v1/spaces/{id}/members/{personId}", space.id(), Users.bob().id())
                .then().statusCode(400).body("type", equalTo("/problems/validation"))
                .body("errors[0].field", equalTo("role"));
        Users.alice().request().body(Map.of())
                .put("/api/v1/spaces/{id}/members/{personId}", space.id(), Users.bob().id())
                .then().statusCode(400).body("type", equalTo("/problems/validation"))
                .body("errors[0].field", equalTo("role"));
        Users.alice().request().get("/api/v1/spaces/{id}", space.id()).then().body("memberCount", equalTo(1));
    }

    @Test
    void members_arePagedModeratorsFirst() {
        Persona alice = Users.alice();
        CreatedSpace space = aSpace().open().by(alice).create();
        join(Users.bob(), space.id());
        join(Users.carol(), space.id());
        putMember(alice, space.id(), Users.carol(), "moderator");

        List<String> names = new ArrayList<>();
        String cursor = null;
        do {
            var request = Users.bob().request().queryParam("limit", 1);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/spaces/{id}/members", space.id()).then().statusCode(200)
                    .extract().jsonPath();
            assertThat(page.getList("items")).hasSize(1);
            names.add(page.getString("items[0].username"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertThat(names).containsExactly("alice", "carol", "bob");
    }

    @Test
    void members_withForeignCursor_answersValidationProblem() {
        CreatedSpace space = aSpace().open().by(Users.alice()).create();
        String wrong = Cursors.encode("boss", "yesterday", "nobody");

        Users.alice().request().queryParam("cursor", wrong).get("/api/v1/spaces/{id}/members", space.id())
                .then().statusCode(400).body("type", equalTo("/problems/validation"))
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void archive_makesSpaceReadOnlyUntilUnarchived() {
        Persona alice = Users.alice();
        Persona bob = Users.bob();
        Persona carol = Users.carol();
        CreatedSpace space = aSpace().open().by(alice).create();
        join(carol, space.id());

        alice.request().post("/api/v1/spaces/{id}/archive", space.id()).then().statusCode(200)
                .body("archived", equalTo(true)).body("canPost", equalTo(false)).body("canModerate", equalTo(true));
        bob.request().get("/api/v1/spaces/{id}", space.id()).then().statusCode(200)
                .body("archived", equalTo(true)).body("canJoin", equalTo(false));
        bob.request().put("/api/v1/spaces/{id}/membership", space.id()).then().statusCode(409)
                .body("type", equalTo(SpaceProblems.ARCHIVED));
        alice.request().body(Map.of("role", "member")).put("/api/v1/spaces/{id}/members/{personId}", space.id(), bob.id())
                .then().statusCode(409).body("type", equalTo(SpaceProblems.ARCHIVED));
        alice.request().body(Map.of("role", "moderator")).put("/api/v1/spaces/{id}/members/{personId}", space.id(), carol.id())
                .then().statusCode(409).body("type", equalTo(SpaceProblems.ARCHIVED));
        alice.request().delete("/api/v1/spaces/{id}/members/{personId}", space.id(), carol.id()).then().statusCode(409)
                .body("type", equalTo(SpaceProblems.ARCHIVED));
        alice.request().body(Map.of("description", "closed for good")).patch("/api/v1/spaces/{id}", space.id())
                .then().statusCode(409).body("type", equalTo(SpaceProblems.ARCHIVED));
        // Leaving is always possible.
        carol.request().delete("/api/v1/spaces/{id}/membership", space.id()).then().statusCode(204);
        // Archiving twice changes nothing.
        alice.request().post("/api/v1/spaces/{id}/archive", space.id()).then().statusCode(200).body("archived", equalTo(true));

        alice.request().post("/api/v1/spaces/{id}/unarchive", space.id()).then().statusCode(200)
                .body("archived", equalTo(false)).body("canPost", equalTo(true));
        bob.request().put("/api/v1/spaces/{id}/membership", space.id()).then().statusCode(200)
                .body("myRole", equalTo("member"));
    }

    @Test
    void archiveAndJoin_withoutRequestBody_needNoContentType() {
        Persona alice = Users.alice();
        CreatedSpace space = aSpace().open().by(alice).create();

        given().cookie("qf_session", alice.sessionCookie()).header("X-CSRF-Token", alice.csrfToken())
                .post("/api/v1/spaces/{id}/archive", space.id()).then().statusCode(200).body("archived", equalTo(true));
        given().cookie("qf_session", alice.sessionCookie()).header("X-CSRF-Token", alice.csrfToken())
                .post("/api/v1/spaces/{id}/unarchive", space.id()).then().statusCode(200);
        Persona bob = Users.bob();
        given().cookie("qf_session", bob.sessionCookie()).header("X-CSRF-Token", bob.csrfToken())
                .put("/api/v1/spaces/{id}/membership", space.id()).then().statusCode(200).body("myRole", equalTo("member"));
    }

    @Test
    void archive_asMember_answers403() {
        CreatedSpace space = aSpace().open().by(Users.alice()).create();
        join(Users.bob(), space.id());

        Users.bob().request().post("/api/v1/spaces/{id}/archive", space.id()).then().statusCode(403)
                .body("type", equalTo(SpaceProblems.MODERATOR_REQUIRED));
        archive(Users.alice(), space.id());
        Users.bob().request().post("/api/v1/spaces/{id}/unarchive", space.id()).then().statusCode(403)
                .body("type", equalTo(SpaceProblems.MODERATOR_REQUIRED));
    }
}
