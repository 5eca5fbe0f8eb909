package de.querfunk.search;

import static de.querfunk.search.Searches.awaitFound;
import static de.querfunk.search.Searches.awaitNotFound;
import static de.querfunk.search.Searches.ids;
import static de.querfunk.search.Searches.marker;
import static de.querfunk.search.Searches.search;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import de.querfunk.testing.Persona;
import de.querfunk.testing.Spaces;
import de.querfunk.testing.Users;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Searching through the API against the real index: German text, the query syntax, results and paging. */
@QuarkusTest
class SearchTest {

    /** A fresh open space with its channel, and a way to scope queries to it. */
    private record Room(UUID space, UUID channel) {
        String in() {
            return " in:" + space;
        }
    }

    private static Room room(Persona owner) {
        UUID space = Spaces.create(owner, "open");
        return new Room(space, Spaces.channel(owner, space));
    }

    @Test
    void germanWords_findCompoundsStemsAndFoldedSpellings() {
        Persona alice = Users.alice();
        Room room = room(alice);
        String kuendigung = Spaces.post(alice, room.channel(), "Bitte die Vertragskündigungsbestätigung an den Kunden senden");
        String rueckruf = Spaces.post(alice, room.channel(), "Unser Rückrufservice ist heute leider besetzt");
        String anfrage = Spaces.post(alice, room.channel(), "Neue Kundenanfragen bitte zuerst bearbeiten");
        String strasse = Spaces.post(alice, room.channel(), "Die Straße vor dem Lager ist gesperrt");

        // Indexed in commit order and shown a refresh at a time: once the last is found, so are the others.
        awaitFound(alice, "Strasse" + room.in(), strasse);
        assertThat(ids(alice, "Kündigung" + room.in())).containsExactly(kuendigung);
        assertThat(ids(alice, "Rückruf" + room.in())).containsExactly(rueckruf);
        assertThat(ids(alice, "Anfrage" + room.in())).containsExactly(anfrage);
        assertThat(ids(alice, "Strasse" + room.in())).containsExactly(strasse);
        assertThat(ids(alice, "kundigung" + room.in())).containsExactly(kuendigung);
        assertThat(ids(alice, "Kunde" + room.in())).containsExactlyInAnyOrder(kuendigung, anfrage);
    }

    @Test
    void exactAndPhraseMatches_rankAboveStemmedAndSubwordMatches() {
        Persona alice = Users.alice();
        Room room = room(alice);
        String compound = Spaces.post(alice, room.channel(), "Vertragskündigungsbestätigung liegt vor");
        String exact = Spaces.post(alice, room.channel(), "Kündigung liegt vor");
        awaitFound(alice, "Kündigung" + room.in(), exact);
        awaitFound(alice, "Kündigung" + room.in(), compound);
        assertThat(ids(alice, "Kündigung" + room.in())).containsExactly(exact, compound);

        String apart = Spaces.post(alice, room.channel(), "Rückruf kam gestern, heute folgte per Post die Bestätigung");
        String together = Spaces.post(alice, room.channel(), "Rückruf und Bestätigung kamen heute per Post");
        awaitFound(alice, "Rückruf" + room.in(), together);
        awaitFound(alice, "Rückruf" + room.in(), apart);
        assertThat(ids(alice, "\"per Post\"" + room.in())).containsExactlyInAnyOrder(apart, together);
        assertThat(ids(alice, "\"Bestätigung kamen heute\"" + room.in())).containsExactly(together);
        assertThat(ids(alice, "Rückruf Bestätigung" + room.in())).containsExactly(together, apart);
    }

    @Test
    void operators_phraseExclusionOrAndPrefix() {
        Persona alice = Users.alice();
        Room room = room(alice);
        String a = Spaces.post(alice, room.channel(), "Termin für den Rückruf morgen");
        String b = Spaces.post(alice, room.channel(), "Rückruf morgen abgesagt");
        String c = Spaces.post(alice, room.channel(), "Kundenservice morgen geschlossen");
        awaitFound(alice, "morgen" + room.in(), c);
        awaitFound(alice, "morgen" + room.in(), a);
        awaitFound(alice, "morgen" + room.in(), b);

        assertThat(ids(alice, "Rückruf -abgesagt" + room.in())).containsExactly(a);
        assertThat(ids(alice, "Termin OR Kundenservice" + room.in())).containsExactlyInAnyOrder(a, c);
        assertThat(ids(alice, "\"morgen abgesagt\"" + room.in())).containsExactly(b);
        assertThat(ids(alice, "-\"morgen abgesagt\" morgen" + room.in())).containsExactlyInAnyOrder(a, c);
        assertThat(ids(alice, "kund*" + room.in())).containsExactly(c);
        assertThat(ids(alice, "Rückr*" + room.in())).containsExactlyInAnyOrder(a, b);
        assertThat(ids(alice, "morgen AND termin" + room.in())).containsExactly(a);
    }

    @Test
    void filters_spaceAuthorDatesLinksFilesTypeAndThreads() {
        Persona alice = Users.alice();
        Persona bob = Users.bob();
        Room room = room(alice);
        Spaces.add(alice, room.space(), bob);
        String word = marker("filter");
        String byAlice = Spaces.post(alice, room.channel(), word + " mit Link https://example.org/hilfe");
        String byBob = Spaces.post(bob, room.channel(), word + " ohne Verweis");
        String reply = Searches.reply(bob, room.channel(), byAlice, word + " als Antwort");
        Room other = room(alice);
        String elsewhere = Spaces.post(alice, other.channel(), word + " woanders");
        awaitFound(alice, word, elsewhere);
        awaitFound(alice, word, reply);
        awaitFound(alice, word, byBob);
        String name = search(alice, word + room.in()).getString("items[0].spaceName");

        assertThat(ids(alice, word)).containsExactlyInAnyOrder(byAlice, byBob, reply, elsewhere);
        assertThat(ids(alice, word + room.in())).containsExactlyInAnyOrder(byAlice, byBob, reply);
        assertThat(ids(alice, word + " in:\"" + name + "\"")).containsExactlyInAnyOrder(byAlice, byBob, reply);
        assertThat(ids(alice, word + " in:" + room.channel())).containsExactlyInAnyOrder(byAlice, byBob, reply);
        assertThat(ids(alice, word + " -in:" + room.space())).containsExactly(elsewhere);
        assertThat(ids(alice, word + " in:nirgendwo")).isEmpty();
        assertThat(ids(alice, word + " from:" + bob.username())).containsExactlyInAnyOrder(byBob, reply);
        assertThat(ids(alice, word + " from:@" + alice.username() + room.in())).containsExactly(byAlice);
        assertThat(ids(alice, word + " from:niemand-" + word)).isEmpty();

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(ids(alice, word + " on:" + today)).hasSize(4);
        assertThat(ids(alice, word + " after:" + today.minusDays(1) + " before:" + today.plusDays(1))).hasSize(4);
        assertThat(ids(alice, word + " before:" + today)).isEmpty();
        assertThat(ids(alice, word + " after:" + today)).isEmpty();
        assertThat(ids(alice, word + " on:" + today.minusDays(1))).isEmpty();

        assertThat(ids(alice, word + " has:link")).containsExactly(byAlice);
        assertThat(ids(alice, word + " -has:link" + room.in())).containsExactlyInAnyOrder(byBob, reply);
        assertThat(ids(alice, word + " has:file")).isEmpty();
        assertThat(ids(alice, word + " type:message")).hasSize(4);
        awaitFound(alice, word + " is:thread", byAlice);
        assertThat(ids(alice, word + " is:thread")).containsExactlyInAnyOrder(byAlice, reply);
        assertThat(ids(alice, word + " -is:thread" + room.in())).containsExactly(byBob);
        assertThat(ids(alice, "in:" + room.space() + " from:" + bob.username())).containsExactlyInAnyOrder(byBob, reply);
    }

    @Test
    void results_carrySafeSnippetsIdsAuthorTimeAndPermalinks() {
        Persona alice = Users.alice();
        Room room = room(alice);
        String word = marker("snippet");
        String id = Spaces.post(alice, room.channel(), "<script>alert('x')</script> Die Kündigung " + word + " <b>jetzt</b>");
        awaitFound(alice, word, id);

        JsonPath result = search(alice, "Kündigung " + word);
        assertThat(result.getString("items[0].snippet")).isEqualTo(
                "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Die <mark>Kündigung</mark> <mark>" + word
                        + "</mark> &lt;b&gt;jetzt&lt;/b&gt;");
        assertThat(result.getString("items[0].type")).isEqualTo("message");
        assertThat(result.getString("items[0].id")).isEqualTo(id);
        assertThat(result.getString("items[0].conversationId")).isEqualTo(room.channel().toString());
        assertThat(result.getString("items[0].spaceId")).isEqualTo(room.space().toString());
        assertThat(result.getString("items[0].spaceName")).startsWith("open space ");
        assertThat(result.getString("items[0].author.id")).isEqualTo(alice.id().toString());
        assertThat(result.getString("items[0].author.username")).isEqualTo(alice.username());
        assertThat(result.getString("items[0].createdAt")).isNotBlank();
        assertThat(result.getString("items[0].language")).isEqualTo("de");
        assertThat(result.getString("items[0].permalink")).isEqualTo("/api/v1/messages/" + id);
        assertThat(result.getString("items[0].webPath")).isEqualTo("/messages/" + id);
        assertThat(result.getLong("total")).isEqualTo(1);
        assertThat(result.getList("facets.types.type")).containsExactly("message");
        assertThat(result.getList("facets.spaces.id")).containsExactly(room.space().toString());
        alice.request().get(result.getString("items[0].permalink")).then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void facets_countEveryMatchPerTypeAndSpace_notJustThePage() {
        Persona alice = Users.alice();
        Room one = room(alice);
        Room two = room(alice);
        String word = marker("facette");
        for (int i = 0; i < 3; i++) {
            Spaces.post(alice, one.channel(), word + " eins " + i);
        }
        String last = Spaces.post(alice, two.channel(), word + " zwei");
        awaitFound(alice, word, last);
        await3(alice, word);

        JsonPath page = search(alice, word, Map.of("limit", 1));
        assertThat(page.getList("items")).hasSize(1);
        assertThat(page.getLong("total")).isEqualTo(4);
        assertThat(page.getInt("facets.types[0].count")).isEqualTo(4);
        assertThat(page.getList("facets.spaces.id")).containsExactly(one.space().toString(), two.space().toString());
        assertThat(page.getList("facets.spaces.count", Integer.class)).containsExactly(3, 1);
    }

    private static void await3(Persona p, String word) {
        org.awaitility.Awaitility.await().atMost(Searches.INDEXED_WITHIN).until(() -> ids(p, word).size() == 4);
    }

    @Test
    void sortingAndPaging_newestFirstAndByRelevance_withoutGapsOrRepeats() {
        Persona alice = Users.alice();
        Room room = room(alice);
        String word = marker("seite");
        List<String> posted = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            posted.add(Spaces.post(alice, room.channel(), word + " Nachricht " + i + (i % 2 == 0 ? " " + word : "")));
        }
        awaitFound(alice, word, posted.get(6));
        org.awaitility.Awaitility.await().atMost(Searches.INDEXED_WITHIN).until(() -> ids(alice, word).size() == 7);

        List<String> newest = new ArrayList<>(posted);
        java.util.Collections.reverse(newest);
        assertThat(ids(alice, word, Map.of("sort", "newest"))).containsExactlyElementsOf(newest);
        assertThat(pages(alice, word, "newest", 3)).containsExactlyElementsOf(newest);

        List<String> byRelevance = pages(alice, word, "relevance", 2);
        assertThat(byRelevance).hasSize(7).containsExactlyInAnyOrderElementsOf(posted);
        assertThat(byRelevance).containsExactlyElementsOf(ids(alice, word));
        // The messages with the word twice come first.
        assertThat(byRelevance.subList(0, 4)).containsExactlyInAnyOrder(posted.get(0), posted.get(2), posted.get(4),
                posted.get(6));
    }

    private static List<String> pages(Persona p, String q, String sort, int limit) {
        List<String> all = new ArrayList<>();
        Set<String> cursors = new HashSet<>();
        String cursor = null;
        do {
            Map<String, Object> params = new java.util.HashMap<>(Map.of("sort", sort, "limit", limit));
            if (cursor != null) {
                params.put("cursor", cursor);
            }
            JsonPath page = search(p, q, params);
            List<String> items = page.getList("items.id");
            assertThat(items.size()).isLessThanOrEqualTo(limit);
            all.addAll(items);
            cursor = page.getString("nextCursor");
            assertThat(cursor == null || cursors.add(cursor)).isTrue();
        } while (cursor != null);
        return all;
    }

    @Test
    void invalidQueries_areProblemsThatSayWhere_neverServerErrors() {
        Persona alice = Users.alice();
        for (String q : List.of("\"offen", "OR kunde", "kunde OR", "a*", "k*nd", "before:2025-13-45", "after:gestern",
                "has:bild", "type:wiki", "is:pinned", "in:", "", "   ")) {
            Searches.get(alice, q, Map.of()).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("/problems/invalid-query"))
                    .body("detail", containsString("column"))
                    .body("errors[0].field", equalTo("q"));
        }
        Searches.get(alice, "\"offen", Map.of()).then().body("detail", containsString("column 1"));
        Searches.get(alice, "kunde before:2025-13-45", Map.of()).then().body("detail", containsString("column 14"));
        Searches.get(alice, "kunde", Map.of("sort", "oldest")).then().statusCode(400).body("type", equalTo("/problems/validation"));
        Searches.get(alice, "kunde", Map.of("cursor", "kaputt")).then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        Searches.get(alice, "kunde", Map.of("limit", 0)).then().statusCode(400);
        alice.request().queryParam("q", "kunde").get("/api/v1/search").then().statusCode(200);
        io.restassured.RestAssured.given().queryParam("q", "kunde").get("/api/v1/search").then().statusCode(401);
    }

    @Test
    void edits_replaceTheText_andDeletions_removeTheMessage() {
        Persona alice = Users.alice();
        Room room = room(alice);
        String before = marker("vorher");
        String after = marker("nachher");
        String id = Spaces.post(alice, room.channel(), "Entwurf " + before);
        awaitFound(alice, before, id);

        alice.request().body(Map.of("body", "Fassung " + after)).patch("/api/v1/messages/" + id).then().statusCode(200);
        awaitFound(alice, after, id);
        assertThat(ids(alice, before)).isEmpty();
        assertThat(search(alice, after).getString("items[0].snippet")).isEqualTo("Fassung <mark>" + after + "</mark>");

        alice.request().delete("/api/v1/messages/" + id).then().statusCode(204);
        awaitNotFound(alice, after, id);
        assertThat(search(alice, after).getLong("total")).isZero();
        assertThat(search(alice, "Fassung" + room.in()).getList("items")).isEmpty();
    }
}
