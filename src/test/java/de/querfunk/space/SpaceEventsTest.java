package de.querfunk.space;

import static de.querfunk.space.TestSpaces.aSpace;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import de.querfunk.space.TestSpaces.CreatedSpace;
import de.querfunk.testing.Persona;
import de.querfunk.testing.Users;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Every change writes its event in its own transaction; refused requests write none. */
@QuarkusTest
class SpaceEventsTest {

    @Inject
    EntityManager em;

    @Test
    void everyChange_writesItsEvent() {
        Persona alice = Users.alice();
        Persona bob = Users.bob();
        Persona carol = Users.carol();
        CreatedSpace space = aSpace().open().by(alice).create();
        UUID id = space.id();

        alice.request().body(Map.of("name", TestSpaces.uniqueName("Events"))).patch("/api/v1/spaces/{id}", id).then().statusCode(200);
        alice.request().body(Map.of("kind", "announcement")).patch("/api/v1/spaces/{id}", id).then().statusCode(200);
        TestSpaces.join(bob, id);
        TestSpaces.putMember(alice, id, carol, "member");
        TestSpaces.putMember(alice, id, carol, "moderator");
        alice.request().delete("/api/v1/spaces/{id}/members/{personId}", id, bob.id()).then().statusCode(204);
        carol.request().delete("/api/v1/spaces/{id}/membership", id).then().statusCode(204);
        TestSpaces.archive(alice, id);
        alice.request().post("/api/v1/spaces/{id}/unarchive", id).then().statusCode(200);

        assertThat(types(id)).containsExactly("SpaceCreated", "MemberJoined", "SpaceUpdated", "SpaceKindChanged",
                "MemberJoined", "MemberAdded", "MemberRoleChanged", "MemberRemoved", "MemberLeft", "SpaceArchived",
                "SpaceUnarchived");
        Map<String, String> removed = payload(id, "MemberRemoved");
        assertThat(removed).containsEntry("personId", bob.id().toString()).containsEntry("by", alice.id().toString())
                .containsEntry("role", "member");
        Map<String, String> changed = payload(id, "MemberRoleChanged");
        assertThat(changed).containsEntry("personId", carol.id().toString()).containsEntry("previousRole", "member")
                .containsEntry("role", "moderator");
        assertThat(payload(id, "SpaceKindChanged")).containsEntry("previousKind", "open").containsEntry("kind", "announcement");
        assertThat(payload(id, "SpaceCreated")).containsEntry("by", alice.id().toString()).containsEntry("kind", "open");
    }

    @Test
    void refusedAndIdempotentRequests_writeNoEvent() {
        Persona alice = Users.alice();
        CreatedSpace space = aSpace().open().by(alice).create();
        UUID id = space.id();

        alice.request().delete("/api/v1/spaces/{id}/membership", id).then().statusCode(409);
        alice.request().body(Map.of("name", "x")).patch("/api/v1/spaces/{id}", id).then().statusCode(400);
        alice.request().body(Map.of("name", space.name())).patch("/api/v1/spaces/{id}", id).then().statusCode(200);
        alice.request().put("/api/v1/spaces/{id}/membership", id).then().statusCode(200);
        alice.request().post("/api/v1/spaces/{id}/unarchive", id).then().statusCode(200);
        Users.bob().request().post("/api/v1/spaces/{id}/archive", id).then().statusCode(403);

        assertThat(types(id)).containsExactly("SpaceCreated", "MemberJoined");
    }

    @SuppressWarnings("unchecked")
    private List<String> types(UUID spaceId) {
        return QuarkusTransaction.requiringNew().call(() -> em
                .createNativeQuery("select type from event_log where payload->>'spaceId' = ?1 order by id")
                .setParameter(1, spaceId.toString()).getResultList());
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> payload(UUID spaceId, String type) {
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                select key, value from event_log, jsonb_each_text(payload)
                where payload->>'spaceId' = ?1 and type = ?2""")
                .setParameter(1, spaceId.toString()).setParameter(2, type).getResultList());
        return rows.stream().collect(Collectors.toMap(r -> (String) r[0], r -> r[1] == null ? "" : (String) r[1]));
    }
}
