package de.querfunk.space;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import de.querfunk.testing.Persona;
import de.querfunk.testing.Users;

/** Builds spaces through the API: {@code aSpace().closed().by(alice).create()}. */
final class TestSpaces {

    private TestSpaces() {
    }

    static Builder aSpace() {
        return new Builder();
    }

    /** A name no other test run uses, since the database outlives test runs. */
    static String uniqueName(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 12);
    }

    static void join(Persona persona, UUID spaceId) {
        persona.request().put("/api/v1/spaces/{id}/membership", spaceId).then().statusCode(200);
    }

    static void putMember(Persona moderator, UUID spaceId, Persona person, String role) {
        moderator.request().body(Map.of("role", role)).put("/api/v1/spaces/{id}/members/{personId}", spaceId, person.id())
                .then().statusCode(200);
    }

    static void archive(Persona moderator, UUID spaceId) {
        moderator.request().post("/api/v1/spaces/{id}/archive", spaceId).then().statusCode(200);
    }

    record CreatedSpace(UUID id, String name) {
    }

    static final class Builder {

        private String name = uniqueName("Space");
        private String description;
        private String kind = "open";
        private Persona creator;

        Builder named(String name) {
            this.name = name;
            return this;
        }

        Builder describedAs(String description) {
            this.description = description;
            return this;
        }

        Builder open() {
            kind = "open";
            return this;
        }

        Builder closed() {
            kind = "closed";
            return this;
        }

        Builder announcement() {
            kind = "announcement";
            return this;
        }

        Builder by(Persona creator) {
            this.creator = creator;
            return this;
        }

        CreatedSpace create() {
            Map<String, Object> body = new HashMap<>();
            body.put("name", name);
            body.put("kind", kind);
            if (description != null) {
                body.put("description", description);
            }
            Persona who = creator == null ? Users.alice() : creator;
            String id = who.request().body(body).post("/api/v1/spaces").then().statusCode(201).extract().path("id");
            return new CreatedSpace(UUID.fromString(id), name);
        }
    }
}
