package de.querfunk.testing;

import java.util.Map;
import java.util.UUID;

/** Test spaces created through the API, with names no other test uses. */
public final class Spaces {

    private Spaces() {
    }

    public static UUID create(Persona moderator, String kind) {
        String name = kind + " space " + UUID.randomUUID().toString().substring(0, 8);
        return UUID.fromString(moderator.request().body(Map.of("name", name, "description", "for tests", "kind", kind))
                .post("/api/v1/spaces").then().statusCode(201).extract().path("id"));
    }

    public static void add(Persona moderator, UUID spaceId, Persona member) {
        moderator.request().body(Map.of("role", "member")).put("/api/v1/spaces/" + spaceId + "/members/" + member.id())
                .then().statusCode(200);
    }

    /** {@code person} joins an open or announcement space. */
    public static void join(Persona person, UUID spaceId) {
        person.request().put("/api/v1/spaces/" + spaceId + "/membership").then().statusCode(200);
    }

    /** The space's channel conversation id. */
    public static UUID channel(Persona reader, UUID spaceId) {
        return UUID.fromString(reader.request().get("/api/v1/spaces/" + spaceId + "/conversation").then().statusCode(200)
                .extract().path("id"));
    }

    public static String post(Persona author, UUID conversationId, String body) {
        return author.request().body(Map.of("body", body, "idempotencyKey", UUID.randomUUID().toString()))
                .post("/api/v1/conversations/" + conversationId + "/messages").then().statusCode(201).extract().path("id");
    }
}
