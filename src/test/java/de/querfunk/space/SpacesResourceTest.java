package de.querfunk.space;

import static de.querfunk.space.TestSpaces.aSpace;
import static de.querfunk.space.TestSpaces.putMember;
import static de.querfunk.space.TestSpaces.uniqueName;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import de.querfunk.space.TestSpaces.CreatedSpace;
import de.querfunk.testing.Persona;
import de.querfunk.testing.Users;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

@QuarkusTest
class SpacesResourceTest {

    @Test
    void createSpace_makesCreatorItsFirstModerator() {
        Persona alice = Users.alice();
        String name = uniqueName("Backoffice");

        var created = alice.request().body(Map.of("name", "  " + name + "  ", "description", " Questions about billing ",
                "kind", "open"))
                .when().post("/api/v1/spaces")
                .then().statusCode(201)
                .body("name", equalTo(name))
                .body("description", equalTo("Questions about billing"))
                .body("kind", equalTo("open"))
                .body("archived", equalTo(false))
                .body("createdBy", equalTo(alice.id().toString()))
                .body("createdAt", notNullValue())
                .body("memberCount", equalTo(1))
                .body("myRole", equalTo("moderator"))
                .body("canPost", equalTo(true))
                .body("canModerate", equalTo(true))
                .body("canJoin", equalTo(false))
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/api/v1/spaces/" + id);

        alice.request().get("/api/v1/spaces/{id}/members", id).then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].personId", equalTo(alice.id().toString()))
                .body("items[0].username", equalTo("alice"))
                .body("items[0].displayName", equalTo("Alice Adler"))
                .body("items[0].role", equalTo("moderator"))
                .body("nextCursor", nullValue());
        alice.request().get("/api/v1/me/spaces").then().statusCode(200)
                .body("find { it.id == '" + id + "' }.myRole", equalTo("moderator"));
    }

    @Test
    void getSpace_asNonMemberOfOpenSpace_showsWhatTheyMayDo() {
        CreatedSpace space = aSpace().open().by(Users.alice()).create();

        Users.bob().request().get("/api/v1/spaces/{id}", space.id()).then().statusCode(200)
                .body("name", equalTo(space.name()))
                .body("myRole", nullValue())
                .body("memberCount", equalTo(1))
                .body("canPost", equalTo(false))
                .body("canModerate", equalTo(false))
                .body("canJoin", equalTo(true));
    }

    @Test
    void createSpace_withTakenName_answers409() {
        CreatedSpace space = aSpace().by(Users.alice()).create();

        Users.bob().request().body(Map.of("name", space.name(), "kind", "closed")).post("/api/v1/spaces")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo(SpaceProblems.NAME_TAKEN));
    }

    @Test
    void createSpace_withTakenNameInOtherCase_answers409() {
        CreatedSpace space = aSpace().by(Users.alice()).create();

        Users.bob().request().body(Map.of("name", space.name().toUpperCase(), "kind", "open")).post("/api/v1/spaces")
                .then().statusCode(409).body("type", equalTo(SpaceProblems.NAME_TAKEN));
        Users.bob().request().body(Map.of("name", " " + space.name().toLowerCase() + " ", "kind", "open")).post("/api/v1/spaces")
                .then().statusCode(409).body("type", equalTo(SpaceProblems.NAME_TAKEN));
    }

    @Test
    void createSpace_twiceConcurrentlyWithSameName_createsExactlyOne() throws Exception {
        String name = uniqueName("Race");
        Persona alice = Users.alice();
        Persona bob = Users.bob();
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<ExtractableResponse<Response>>> results = new ArrayList<>();
            for (Persona p : List.of(alice, bob)) {
                results.add(pool.submit(() -> {
                    start.await();
                    return p.request().body(Map.of("name", name, "kind", "open")).post("/api/v1/spaces").then().extract();
                }));
            }
            List<ExtractableResponse<Response>> responses = new ArrayList<>();
            for (Future<ExtractableResponse<Response>> r : results) {
                responses.add(r.get());
            }
            assertThat(responses).extracting(ExtractableResponse::statusCode).containsExactlyInAnyOrder(201, 409);
            // Which one depends on timing: the name check, or the unique index when both passed the check at once.
            assertThat(responses).filteredOn(r -> r.statusCode() == 409).extracting(r -> r.<String>path("type"))
                    .allMatch(type -> type.equals(SpaceProblems.NAME_TAKEN) || type.equals("/problems/conflict"));
        } finally {
            pool.shutdownNow();
        }
        alice.request().get("/api/v1/spaces?query={q}", name).then().body("items.size()", equalTo(1));
    }

    @Test
    void createSpace_withInvalidFields_namesEachFieldAndCreatesNothing() {
        String name = uniqueName("x").substring(0, 1);
        Map<String, Object> body = new HashMap<>();
        body.put("name", " " + name + " ");
        body.put("description", "d".repeat(2001));
        body.put("kind", "secret");

        Users.alice().request().body(body).post("/api/v1/spaces")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/validation"))
                .body("errors.field", equalTo(List.of("description", "kind", "name")));
    }

    @Test
    void createSpace_withTooLongOrMultiLineOrMissingName_answersValidationProblem() {
        Persona alice = Users.alice();
        for (Map<String, Object> body : List.of(Map.<String, Object>of("name", "n".repeat(81), "kind", "open"),
                Map.<String, Object>of("name", "two\nlines", "kind", "open"),
                Map.<String, Object>of("name", "   ", "kind", "open"),
                Map.<String, Object>of("kind", "open"))) {
            alice.request().body(body).post("/api/v1/spaces").then().statusCode(400)
                    .body("type", equalTo("/problems/validation"))
                    .body("errors.field", hasItem("name"));
        }
        alice.request().body(Map.of("name", uniqueName("No kind"))).post("/api/v1/spaces").then().statusCode(400)
                .body("type", equalTo("/problems/validation")).body("errors.field", hasItem("kind"));
    }

    @Test
    void createSpace_withEightyCharacterNameAfterTrimming_succeeds() {
        String name = uniqueName("Long").replace(' ', '-');
        name = name + "x".repeat(80 - name.length());
        Users.alice().request().body(Map.of("name", "  " + name + "\t", "kind", "open")).post("/api/v1/spaces")
                .then().statusCode(201).body("name", equalTo(name));
    }

    @Test
    void createSpace_withMalformedOrUnknownFields_answersMalformedJson() {
        Users.alice().request().body("{\"name\": ").post("/api/v1/spaces").then().statusCode(400)
                .body("type", equalTo("/problems/malformed-json"));
        Users.alice().request().body(Map.of("name", uniqueName("Extra"), "kind", "open", "owner", "bob"))
                .post("/api/v1/spaces").then().statusCode(400).body("type", equalTo("/problems/malformed-json"));
    }

    @Test
    void createSpace_withoutBody_answersValidationProblem() {
        Users.alice().request().post("/api/v1/spaces").then().statusCode(400).body("type", equalTo("/problems/validation"));
    }

    @Test
    void createSpace_withoutSessionOrCsrf_isRefused() {
        given().contentType(ContentType.JSON).body(Map.of("name", uniqueName("Anon"), "kind", "open"))
                .post("/api/v1/spaces").then().statusCode(401).body("type", equalTo("/problems/unauthenticated"));
        Users.alice().requestWithoutCsrf().body(Map.of("name", uniqueName("Forged"), "kind", "open"))
                .post("/api/v1/spaces").then().statusCode(403).body("type", equalTo("/problems/csrf-token-invalid"));
    }

    @Test
    void browse_pagesByNameAndSearchesCaseInsensitively() {
        String token = uniqueName("Browse").replace(' ', '-');
        Persona alice = Users.alice();
        aSpace().named("c " + token).by(alice).create();
        aSpace().named("A " + token.toUpperCase()).announcement().by(alice).create();
        aSpace().named("b " + token).by(Users.bob()).create();

        JsonPath first = Users.carol().request().get("/api/v1/spaces?query={q}&limit=2", token.toLowerCase())
                .then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("items.name", String.class)).containsExactly("A " + token.toUpperCase(), "b " + token);
        assertThat(first.getString("nextCursor")).isNotNull();

        JsonPath second = Users.carol().request()
                .get("/api/v1/spaces?query={q}&limit=2&cursor={c}", token.toLowerCase(), first.getString("nextCursor"))
                .then().statusCode(200).extract().jsonPath();
        assertThat(second.getList("items.name", String.class)).containsExactly("c " + token);
        assertThat(second.getString("nextCursor")).isNull();
    }

    @Test
    void browse_treatsLikeWildcardsInTheQueryLiterally() {
        String token = uniqueName("Wild").replace(' ', '-');
        aSpace().named(token + " 100% sure").by(Users.alice()).create();
        aSpace().named(token + " 1000 sure").by(Users.alice()).create();

        Users.bob().request().get("/api/v1/spaces?query={q}", token + " 100%").then().statusCode(200)
                .body("items.name", equalTo(List.of(token + " 100% sure")));
        Users.bob().request().get("/api/v1/spaces?query={q}", token + " 1_0").then().statusCode(200)
                .body("items", empty());
    }

    @Test
    void browse_neverShowsClosedSpacesToNonMembers() {
        String token = uniqueName("Hidden").replace(' ', '-');
        Persona alice = Users.alice();
        Persona bob = Users.bob();
        CreatedSpace closed = aSpace().named(token + " closed").closed().by(alice).create();
        aSpace().named(token + " open").open().by(alice).create();

        bob.request().get("/api/v1/spaces?query={q}", token).then().statusCode(200)
                .body("items.name", equalTo(List.of(token + " open")));
        bob.request().get("/api/v1/me/spaces").then().body("id", not(hasItem(closed.id().toString())));
        alice.request().get("/api/v1/spaces?query={q}", token).then()
                .body("items.name", equalTo(List.of(token + " closed", token + " open")));

        putMember(alice, closed.id(), bob, "member");
        bob.request().get("/api/v1/spaces?query={q}", token).then()
                .body("items.name", equalTo(List.of(token + " closed", token + " open")))
                .body("items[0].myRole", equalTo("member"));
        bob.request().get("/api/v1/me/spaces").then().body("find { it.id == '" + closed.id() + "' }.myRole", equalTo("member"));
    }

    @Test
    void browse_withBadCursorOrLimit_answersValidationProblem() {
        Users.alice().request().get("/api/v1/spaces?cursor=not-a-cursor!").then().statusCode(400)
                .body("type", equalTo("/problems/validation")).body("errors[0].field", equalTo("cursor"));
        Users.alice().request().get("/api/v1/spaces?limit=0").then().statusCode(400)
                .body("type", equalTo("/problems/validation")).body("errors[0].field", equalTo("limit"));
        Users.alice().request().get("/api/v1/spaces?limit=201").then().statusCode(400)
                .body("type", equalTo("/problems/validation"));
    }

    @Test
    void updateSpace_asModerator_renamesDescribesAndChangesKind() {
        Persona alice = Users.alice();
        CreatedSpace space = aSpace().open().describedAs("old").by(alice).create();
        String renamed = uniqueName("Renamed");

        alice.request().body(Map.of("name", renamed, "description", "", "kind", "announcement"))
                .patch("/api/v1/spaces/{id}", space.id())
                .then().statusCode(200)
                .body("name", equalTo(renamed))
                .body("description", equalTo(""))
                .body("kind", equalTo("announcement"));
        alice.request().body(Map.of("name", renamed.toUpperCase())).patch("/api/v1/spaces/{id}", space.id())
                .then().statusCode(200).body("name", equalTo(renamed.toUpperCase())).body("kind", equalTo("announcement"));
    }

    @Test
    void updateSpace_toAnotherSpacesName_answers409AndChangesNothing() {
        Persona alice = Users.alice();
        CreatedSpace taken = aSpace().by(Users.bob()).create();
        CreatedSpace space = aSpace().describedAs("kept").by(alice).create();

        alice.request().body(Map.of("name", taken.name().toLowerCase(), "description", "changed"))
                .patch("/api/v1/spaces/{id}", space.id())
                .then().statusCode(409).body("type", equalTo(SpaceProblems.NAME_TAKEN));
        alice.request().get("/api/v1/spaces/{id}", space.id()).then()
                .body("name", equalTo(space.name())).body("description", equalTo("kept"));
    }

    @Test
    void updateSpace_asMember_answers403() {
        CreatedSpace space = aSpace().open().by(Users.alice()).create();
        TestSpaces.join(Users.bob(), space.id());

        Users.bob().request().body(Map.of("description", "mine now")).patch("/api/v1/spaces/{id}", space.id())
                .then().statusCode(403).body("type", equalTo(SpaceProblems.MODERATOR_REQUIRED));
    }

    @Test
    void updateSpace_withInvalidFields_answersValidationProblem() {
        CreatedSpace space = aSpace().by(Users.alice()).create();

        Users.alice().request().body(Map.of("name", "x", "kind", "private")).patch("/api/v1/spaces/{id}", space.id())
                .then().statusCode(400).body("type", equalTo("/problems/validation"))
                .body("errors.field", equalTo(List.of("kind", "name")));
        Users.alice().request().get("/api/v1/spaces/{id}", space.id()).then().body("name", equalTo(space.name()));
    }

    @Test
    void getSpace_withMalformedId_answers404() {
        Users.alice().request().get("/api/v1/spaces/not-a-uuid").then().statusCode(404)
                .body("type", equalTo("/problems/not-found"));
    }
}
