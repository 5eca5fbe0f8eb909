package de.querfunk.search;

import static de.querfunk.search.Searches.awaitFound;
import static de.querfunk.search.Searches.ids;
import static de.querfunk.search.Searches.marker;
import static de.querfunk.search.Searches.search;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import de.querfunk.testing.Persona;
import de.querfunk.testing.Spaces;
import de.querfunk.testing.Users;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A person finds exactly what they may read now. A marker planted in a closed space must never reach
 * an outsider, whatever they ask; membership and kind changes apply to the next search.
 */
@QuarkusTest
class SearchPermissionTest {

    private static String spaceName(Persona p, UUID space) {
        return p.request().get("/api/v1/spaces/" + space).then().statusCode(200).extract().path("name");
    }

    /** Every way an outsider could ask for the marker; none may show it, or the space. */
    private static void assertInvisible(Persona outsider, String marker, UUID space, String name, String id) {
        List<String> queries = List.of(marker, marker.toUpperCase(), "\"Geheimprojekt " + marker + "\"",
                marker.substring(0, 8) + "*", "geheimproj*", marker + " in:" + space, "in:" + space,
                marker + " in:\"" + name + "\"", "in:\"" + name + "\"", "Geheimprojekt", "Geheimprojekt OR " + marker,
                "-nichtdrin " + marker, "from:alice " + marker, "type:message " + marker, "Projekt");
        for (String q : queries) {
            JsonPath result = search(outsider, q, Map.of("limit", 200));
            assertThat(result.getList("items.id")).as(q).doesNotContain(id);
            assertThat(result.getList("items.spaceId")).as(q).doesNotContain(space.toString());
            assertThat(result.getList("items.snippet", String.class)).as(q)
                    .noneMatch(s -> s.toLowerCase().contains(marker));
            assertThat(result.getList("facets.spaces.id")).as(q).doesNotContain(space.toString());
            assertThat(result.prettify()).as(q).doesNotContain(marker).doesNotContain(name);
        }
        for (String typed : List.of(marker.substring(0, 9), marker, "Geheimproj", name.substring(0, 10))) {
            String suggestions = outsider.request().queryParam("q", typed).get("/api/v1/search/suggest").then()
                    .statusCode(200).extract().asString();
            assertThat(suggestions).as(typed).doesNotContain(marker).doesNotContain(space.toString()).doesNotContain(name);
        }
    }

    @Test
    void closedSpace_isInvisibleToOutsiders_byAnyQuery_untilTheyJoin_andAgainAfterTheyLeave() {
        Persona alice = Users.alice();
        Persona bob = Users.bob();
        UUID space = Spaces.create(alice, "closed");
        String name = spaceName(alice, space);
        String marker = marker("geheim");
        String id = Spaces.post(alice, Spaces.channel(alice, space), "Geheimprojekt " + marker + " startet im Projekt");
        awaitFound(alice, marker, id);
        assertThat(ids(alice, marker + " in:\"" + name + "\"")).containsExactly(id);

        assertInvisible(bob, marker, space, name, id);

        Spaces.add(alice, space, bob);
        assertThat(ids(bob, marker)).containsExactly(id);
        assertThat(ids(bob, marker + " in:\"" + name + "\"")).containsExactly(id);
        assertThat(bob.request().queryParam("q", marker.substring(0, 11)).get("/api/v1/search/suggest").then()
                .statusCode(200).extract().<List<String>>path("words")).contains(marker);

        alice.request().delete("/api/v1/spaces/" + space + "/members/" + bob.id()).then().statusCode(204);
        assertInvisible(bob, marker, space, name, id);
    }

    @Test
    void changingTheKindOfASpace_appliesToTheNextSearch() {
        Persona alice = Users.alice();
        Persona carol = Users.carol();
        UUID space = Spaces.create(alice, "open");
        String marker = marker("offen");
        String id = Spaces.post(alice, Spaces.channel(alice, space), "Geheimprojekt " + marker);
        awaitFound(carol, marker, id);

        alice.request().body(Map.of("kind", "closed")).patch("/api/v1/spaces/" + space).then().statusCode(200);
        assertInvisible(carol, marker, space, spaceName(alice, space), id);

        alice.request().body(Map.of("kind", "open")).patch("/api/v1/spaces/" + space).then().statusCode(200);
        assertThat(ids(carol, marker)).containsExactly(id);
    }

    @Test
    void directMessages_areFoundOnlyByTheirTwoParticipants() {
        Persona alice = Users.alice();
        Persona bob = Users.bob();
        Persona carol = Users.carol();
        UUID direct = UUID.fromString(alice.request().body(Map.of("personId", bob.id().toString()))
                .post("/api/v1/conversations/direct").then().statusCode(200).extract().path("id"));
        String marker = marker("direkt");
        String id = Spaces.post(alice, direct, "Unter uns: " + marker);
        awaitFound(alice, marker, id);

        assertThat(ids(bob, marker)).containsExactly(id);
        JsonPath hit = search(bob, marker);
        assertThat(hit.getString("items[0].conversationId")).isEqualTo(direct.toString());
        assertThat(hit.getString("items[0].spaceId")).isNull();
        assertThat(ids(bob, marker + " in:" + direct)).containsExactly(id);
        for (String q : List.of(marker, "in:" + direct, marker + " in:" + direct, marker.substring(0, 8) + "*",
                "\"uns " + marker + "\"")) {
            JsonPath result = search(carol, q);
            assertThat(result.getList("items.id")).as(q).doesNotContain(id);
            assertThat(result.prettify()).as(q).doesNotContain(marker);
        }
        assertThat(carol.request().queryParam("q", marker.substring(0, 9)).get("/api/v1/search/suggest").then()
                .extract().asString()).doesNotContain(marker);
    }

    @Test
    void deletedMessages_areFoundByNobody() {
        Persona alice = Users.alice();
        Persona bob = Users.bob();
        UUID space = Spaces.create(alice, "open");
        String marker = marker("weg");
        String id = Spaces.post(alice, Spaces.channel(alice, space), "Bald weg " + marker);
        awaitFound(bob, marker, id);
        alice.request().delete("/api/v1/messages/" + id).then().statusCode(204);
        Searches.awaitNotFound(alice, marker, id);
        assertThat(ids(bob, marker)).isEmpty();
        assertThat(bob.request().queryParam("q", marker.substring(0, 6)).get("/api/v1/search/suggest").then()
                .extract().asString()).doesNotContain(marker);
    }
}
