package de.querfunk.search;

import static de.querfunk.search.Searches.awaitFound;
import static de.querfunk.search.Searches.marker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import de.querfunk.testing.Persona;
import de.querfunk.testing.Spaces;
import de.querfunk.testing.Users;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class SuggestTest {

    private static JsonPath suggest(Persona p, String q) {
        return p.request().queryParam("q", q).get("/api/v1/search/suggest").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void suggest_completesPeopleByUsernameAndDisplayName() {
        Persona alice = Users.alice();
        Persona bob = Users.bob();
        assertThat(suggest(alice, "bo").getList("people.username")).contains(bob.username());
        assertThat(suggest(alice, "Beck").getList("people.username")).contains(bob.username());
        assertThat(suggest(alice, "@bob").getList("people.username")).contains(bob.username());
        assertThat(suggest(alice, "bob").getString("people[0].displayName")).isEqualTo("Bob Becker");
    }

    @Test
    void suggest_completesReadableSpacesByAnyWordOfTheirName() {
        Persona alice = Users.alice();
        Persona bob = Users.bob();
        String word = marker("Raum");
        UUID open = UUID.fromString(alice.request().body(Map.of("name", "Team " + word, "kind", "open"))
                .post("/api/v1/spaces").then().statusCode(201).extract().path("id"));
        alice.request().body(Map.of("name", "Intern " + word, "kind", "closed")).post("/api/v1/spaces").then().statusCode(201);

        assertThat(suggest(bob, word.substring(0, 10)).getList("spaces.id")).containsExactly(open.toString());
        assertThat(suggest(bob, "team " + word.substring(0, 10)).getList("spaces.name")).containsExactly("Team " + word);
        assertThat(suggest(alice, word.toLowerCase()).getList("spaces.name")).containsExactly("Intern " + word, "Team " + word);
    }

    @Test
    void suggest_completesTheLastWordFromReadableMessages_asWritten() {
        Persona alice = Users.alice();
        UUID channel = Spaces.channel(alice, Spaces.create(alice, "open"));
        String stem = marker("kü");
        Spaces.post(alice, channel, "Die " + stem + "ndigung und " + stem + "ndigungen und " + stem + "rzel");
        String again = Spaces.post(alice, channel, stem + "ndigung nochmal");
        // The later message found means the earlier one is too: indexed in commit order.
        awaitFound(alice, stem + "ndigung", again);

        assertThat(suggest(alice, "Vertrag " + stem).getList("words"))
                .containsExactly(stem + "ndigung", stem + "ndigungen", stem + "rzel");
        String folded = "ku" + stem.substring(2);
        assertThat(suggest(alice, folded).getList("words")).contains(stem + "ndigung");
        assertThat(suggest(alice, "Vertrag " + stem + " ").getList("words")).isEmpty();
        assertThat(suggest(alice, "k").getList("words")).isEmpty();
    }

    @Test
    void suggest_blankInputSuggestsNothing_andOverlongInputIsAProblem() {
        Persona alice = Users.alice();
        assertThat(suggest(alice, "").getList("people")).isEmpty();
        alice.request().queryParam("q", "x".repeat(101)).get("/api/v1/search/suggest").then().statusCode(400)
                .body("errors[0].field", equalTo("q"));
    }
}
