package de.querfunk.search;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import de.querfunk.testing.Persona;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Searching as a persona, and waiting (never timing) until the index has caught up. */
final class Searches {

    /** Generous: indexing takes well under a second, but test machines are busy. */
    static final Duration INDEXED_WITHIN = Duration.ofSeconds(10);

    private Searches() {
    }

    static Response get(Persona persona, String q, Map<String, ?> params) {
        return persona.request().queryParam("q", q).queryParams(params).get("/api/v1/search");
    }

    static JsonPath search(Persona persona, String q) {
        return search(persona, q, Map.of());
    }

    static JsonPath search(Persona persona, String q, Map<String, ?> params) {
        return get(persona, q, params).then().statusCode(200).extract().jsonPath();
    }

    static List<String> ids(Persona persona, String q) {
        return search(persona, q).getList("items.id");
    }

    static List<String> ids(Persona persona, String q, Map<String, ?> params) {
        return search(persona, q, params).getList("items.id");
    }

    /** Waits until {@code q} finds {@code id} for {@code persona}. */
    static void awaitFound(Persona persona, String q, String id) {
        await().atMost(INDEXED_WITHIN).pollInterval(Duration.ofMillis(50))
                .until(() -> ids(persona, q).contains(id));
    }

    static void awaitNotFound(Persona persona, String q, String id) {
        await().atMost(INDEXED_WITHIN).pollInterval(Duration.ofMillis(50))
                .until(() -> !ids(persona, q).contains(id));
    }

    /** A word no other message in any test run contains: letters only, so analysis keeps it whole. */
    static String marker(String stem) {
        StringBuilder b = new StringBuilder(stem);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < 10; i++) {
            b.append("bdfgjkmpqvwxz".charAt(random.nextInt(13)));
        }
        return b.toString();
    }

    static String reply(Persona author, UUID conversationId, String rootId, String body) {
        return author.request().body(Map.of("body", body, "idempotencyKey", UUID.randomUUID().toString(),
                "threadRootId", rootId)).post("/api/v1/conversations/" + conversationId + "/messages")
                .then().statusCode(201).extract().path("id");
    }
}
