package de.querfunk.space;

import static de.querfunk.space.TestSpaces.aSpace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

import org.junit.jupiter.api.Test;

import de.querfunk.space.TestSpaces.CreatedSpace;
import de.querfunk.testing.Persona;
import de.querfunk.testing.Users;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** A closed space does not exist for those outside it: every request answers as for an unknown id. */
@QuarkusTest
class ClosedSpaceVisibilityTest {

    private record Probe(String name, BiFunction<Persona, UUID, Response> call) {
    }

    private static final List<Probe> PROBES = List.of(
            new Probe("get", (p, id) -> p.request().get("/api/v1/spaces/{id}", id)),
            new Probe("members", (p, id) -> p.request().get("/api/v1/spaces/{id}/members", id)),
            new Probe("join", (p, id) -> p.request().put("/api/v1/spaces/{id}/membership", id)),
            new Probe("leave", (p, id) -> p.request().delete("/api/v1/spaces/{id}/membership", id)),
            new Probe("patch", (p, id) -> p.request().body(Map.of("name", "Taken over")).patch("/api/v1/spaces/{id}", id)),
            new Probe("archive", (p, id) -> p.request().post("/api/v1/spaces/{id}/archive", id)),
            new Probe("unarchive", (p, id) -> p.request().post("/api/v1/spaces/{id}/unarchive", id)),
            new Probe("add member", (p, id) -> p.request().body(Map.of("role", "moderator"))
                    .put("/api/v1/spaces/{id}/members/{personId}", id, p.id())),
            new Probe("remove member", (p, id) -> p.request()
                    .delete("/api/v1/spaces/{id}/members/{personId}", id, Users.alice().id())));

    @Test
    void closedSpace_forNonMember_answersExactlyLikeAnUnknownId() {
        CreatedSpace closed = aSpace().closed().by(Users.alice()).create();
        Persona bob = Users.bob();

        for (Probe probe : PROBES) {
            Response hidden = probe.call().apply(bob, closed.id());
            Response unknown = probe.call().apply(bob, UUID.randomUUID());
            assertThat(hidden.statusCode()).as(probe.name()).isEqualTo(404);
            assertThat(hidden.contentType()).as(probe.name()).startsWith("application/problem+json");
            assertThat(unknown.statusCode()).as(probe.name()).isEqualTo(404);
            for (String field : List.of("type", "title", "status", "detail")) {
                assertThat(hidden.jsonPath().getString(field)).as(probe.name() + " " + field)
                        .isEqualTo(unknown.jsonPath().getString(field));
            }
            assertThat(hidden.jsonPath().getString("type")).isEqualTo("/problems/not-found");
        }
        Users.alice().request().get("/api/v1/spaces/{id}", closed.id()).then().statusCode(200)
                .body("name", equalTo(closed.name()))
                .body("memberCount", equalTo(1));
    }

    @Test
    void join_closedSpace_answers404() {
        CreatedSpace closed = aSpace().closed().by(Users.alice()).create();

        Users.carol().request().put("/api/v1/spaces/{id}/membership", closed.id()).then().statusCode(404)
                .body("type", equalTo("/problems/not-found"));
        Users.alice().request().get("/api/v1/spaces/{id}/members", closed.id()).then()
                .body("items.size()", equalTo(1));
    }

    @Test
    void closedSpace_afterBeingAdded_isVisible() {
        CreatedSpace closed = aSpace().closed().by(Users.alice()).create();
        TestSpaces.putMember(Users.alice(), closed.id(), Users.carol(), "member");

        Users.carol().request().get("/api/v1/spaces/{id}", closed.id()).then().statusCode(200)
                .body("myRole", equalTo("member"))
                .body("canPost", equalTo(true))
                .body("canJoin", equalTo(false));
    }
}
