package de.querfunk.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import de.querfunk.testing.Persona;
import de.querfunk.testing.Spaces;
import de.querfunk.testing.Users;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class MessagesTest {

    private static Map<String, Object> message(String body, String key) {
        Map<String, Object> m = new HashMap<>();
        m.put("body", body);
        m.put("idempotencyKey", key);
        return m;
    }

    @Test
    void post_rendersSafeMarkdownAndAppearsInHistory() {
        Persona alice = Users.alice();
        UUID space = Spaces.create(alice, "open");
        UUID channel = Spaces.channel(alice, space);
        alice.request().body(message("**Hallo** ~~alt~~ | a |\n|---|\n| b |\n\nhttps://example.org", "k1-" + UUID.randomUUID()))
                .post("/api/v1/conversations/" + channel + "/messages")
                .then().statusCode(201).body("html", containsString("<strong>Hallo</strong>"))
                .body("html", containsString("<del>alt</del>"))
                .body("html", containsString("href=\"https://example.org\""))
                .body("authorId", equalTo(alice.id().toString())).body("seq", equalTo(1));
        alice.request().get("/api/v1/conversations/" + channel + "/messages").then().statusCode(200)
                .body("messages", hasSize(1)).body("moreBefore", is(false));
    }

    @Test
    void post_sameIdempotencyKeyConcurrently_createsOneMessage() throws Exception {
        Persona bob = Users.bob();
        UUID space = Spaces.create(bob, "open");
        UUID channel = Spaces.channel(bob, space);
        String key = "retry-" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<io.restassured.response.Response>> sends = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Callable<io.restassured.response.Response> send = () -> bob.request().body(message("Einmal bitte", key))
                    .post("/api/v1/conversations/" + channel + "/messages");
            sends.add(pool.submit(send));
        }
        List<String> ids = new ArrayList<>();
        for (var f : sends) {
            var r = f.get();
            assertThat(r.statusCode()).isEqualTo(201);
            ids.add(r.path("id"));
        }
        pool.shutdown();
        assertThat(ids).containsOnly(ids.get(0));
        bob.request().get("/api/v1/conversations/" + channel + "/messages").then().body("messages", hasSize(1));

        bob.request().body(message("Etwas anderes", key)).post("/api/v1/conversations/" + channel + "/messages")
                .then().statusCode(409).body("type", equalTo("/problems/idempotency-key-reused"));
        bob.request().get("/api/v1/conversations/" + channel + "/messages").then().body("messages", hasSize(1));
    }

    @Test
    void post_invalidInput_isProblemAndStoresNothing() {
        Persona alice = Users.alice();
        UUID channel = Spaces.channel(alice, Spaces.create(alice, "open"));
        String url = "/api/v1/conversations/" + channel + "/messages";
        alice.request().body(message("   ", "k")).post(url).then().statusCode(400).body("type", equalTo("/problems/validation"));
        alice.request().body(message("x".repeat(16_001), "k")).post(url).then().statusCode(400)
                .body("errors[0].field", equalTo("body"));
        alice.request().body(Map.of("body", "no key")).post(url).then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem("idempotencyKey"));
        alice.request().body(message("ok", "k-" + UUID.randomUUID())).post("/api/v1/conversations/" + UUID.randomUUID() + "/messages")
                .then().statusCode(404);
        alice.request().get(url).then().body("messages", hasSize(0));
        alice.request().body(message("x".repeat(16_000), "max-" + UUID.randomUUID())).post(url).then().statusCode(201);
    }

    @Test
    void posting_needsMembership_andAnnouncementSpacesOnlyTakeModerators() {
        Persona alice = Users.alice();
        Persona bob = Users.bob();
        UUID open = Spaces.create(alice, "open");
        UUID channel = Spaces.channel(bob, open);
        bob.request().body(message("hi", "k-" + UUID.randomUUID())).post("/api/v1/conversations/" + channel + "/messages")
                .then().statusCode(403).body("type", equalTo("/problems/space-membership-required"));
        UUID announcements = Spaces.create(alice, "announcement");
        Spaces.add(alice, announcements, bob);
        UUID news = Spaces.channel(bob, announcements);
        bob.request().body(message("hi", "k-" + UUID.randomUUID())).post("/api/v1/conversations/" + news + "/messages")
                .then().statusCode(403).body("type", equalTo("/problems/space-read-only"));
        Spaces.post(alice, news, "Neue Öffnungszeiten ab Montag");
        bob.request().get("/api/v1/conversations/" + news + "/messages").then().body("messages", hasSize(1));
    }

    @Test
    void history_pagesBeforeAfterAndAroundAMessage() {
        Persona alice = Users.alice();
        UUID channel = Spaces.channel(alice, Spaces.create(alice, "open"));
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            ids.add(Spaces.post(alice, channel, "Nachricht " + i));
        }
        String url = "/api/v1/conversations/" + channel + "/messages";
        JsonPath latest = alice.request().queryParam("limit", 10).get(url).then().statusCode(200).extract().jsonPath();
        assertThat(latest.getList("messages.body")).first().isEqualTo("Nachricht 25");
        assertThat(latest.getBoolean("moreBefore")).isTrue();
        String oldestShown = latest.getString("messages[9].id");
        JsonPath before = alice.request().queryParam("limit", 10).queryParam("before", oldestShown).get(url).then()
                .statusCode(200).extract().jsonPath();
        assertThat(before.getList("messages.body")).first().isEqualTo("Nachricht 15");
        JsonPath after = alice.request().queryParam("limit", 3).queryParam("after", ids.get(0)).get(url).then()
                .extract().jsonPath();
        assertThat(after.getList("messages.body")).containsExactly("Nachricht 4", "Nachricht 3", "Nachricht 2");
        JsonPath around = alice.request().queryParam("limit", 5).queryParam("around", ids.get(12)).get(url).then()
                .extract().jsonPath();
        assertThat(around.getList("messages.body")).contains("Nachricht 13").hasSize(5);
        alice.request().queryParam("before", UUID.randomUUID()).get(url).then().statusCode(400);
        alice.request().get("/api/v1/messages/" + ids.get(12)).then().statusCode(200)
                .body("conversationId", equalTo(channel.toString())).body("body", equalTo("Nachricht 13"));
    }

    @Test
    void threads_countRepliesParticipantsAndCanEchoToChannel() {
        Persona alice = Users.alice();
        Persona bob = Users.bob();
        UUID space = Spaces.create(alice, "open");
        Spaces.join(bob, space);
        UUID channel = Spaces.channel(alice, space);
        String root = Spaces.post(alice, channel, "Wer kennt sich mit Rückrufen aus?");
        Map<String, Object> reply = message("Ich!", "r-" + UUID.randomUUID());
        reply.put("threadRootId", root);
        bob.request().body(reply).post("/api/v1/conversations/" + channel + "/messages").then().statusCode(201)
                .body("threadRootId", equalTo(root)).body("inChannel", is(false));
        Map<String, Object> echoed = message("Auch im Kanal", "r-" + UUID.randomUUID());
        echoed.put("threadRootId", root);
        echoed.put("alsoInChannel", true);
        alice.request().body(echoed).post("/api/v1/conversations/" + channel + "/messages").then().statusCode(201);

        alice.request().get("/api/v1/messages/" + root).then().body("thread.replyCount", equalTo(2))
                .body("thread.participantIds", contains(bob.id().toString(), alice.id().toString()));
        alice.request().get("/api/v1/messages/" + root + "/replies").then().body("messages", hasSize(2));
        alice.request().get("/api/v1/conversations/" + channel + "/messages").then()
                .body("messages.body", contains("Auch im Kanal", "Wer kennt sich mit Rückrufen aus?"));

        Map<String, Object> nested = message("Tiefer", "r-" + UUID.randomUUID());
        nested.put("threadRootId", alice.request().get("/api/v1/messages/" + root + "/replies").path("messages[0].id"));
        bob.request().body(nested).post("/api/v1/conversations/" + channel + "/messages").then().statusCode(400);
        bob.request().put("/api/v1/messages/" + root + "/follow").then().statusCode(204);
        bob.request().delete("/api/v1/messages/" + root + "/follow").then().statusCode(204);
    }

    @Test
    void edit_keepsHistoryForReaders_andOnlyAuthorsEdit() {
        Persona alice = Users.alice();
        Persona bob = Users.bob();
        UUID space = Spaces.create(alice, "open");
        Spaces.join(bob, space);
        UUID channel = Spaces.channel(alice, space);
        String id = Spaces.post(alice, channel, "Erste Fassung");
        bob.request().body(Map.of("body", "Gekapert")).patch("/api/v1/messages/" + id).then().statusCode(403)
                .body("type", equalTo("/problems/not-author"));
        alice.request().body(Map.of("body", "Zweite Fassung")).patch("/api/v1/messages/" + id).then().statusCode(200)
                .body("body", equalTo("Zweite Fassung")).body("editedAt", not(nullValue()));
        bob.request().get("/api/v1/messages/" + id + "/edits").then().statusCode(200)
                .body("body", contains("Erste Fassung"));
    }

    @Test
    void delete_leavesTombstoneAndRemovesTextEverywhere() {
        Persona alice = Users.alice();
        Persona bob = Users.bob();
        UUID space = Spaces.create(alice, "open");
        Spaces.join(bob, space);
        UUID channel = Spaces.channel(alice, space);
        String byBob = Spaces.post(bob, channel, "Geheimnummer 4711");
        bob.request().body(Map.of("body", "Geheimnummer 4712")).patch("/api/v1/messages/" + byBob).then().statusCode(200);
        bob.request().put("/api/v1/messages/" + byBob + "/reactions/:thumbsup:").then().statusCode(200);
        // A moderator of the space deletes someone else's message.
        alice.request().delete("/api/v1/messages/" + byBob).then().statusCode(204);
        bob.request().get("/api/v1/messages/" + byBob).then().statusCode(200).body("deleted", is(true))
                .body("body", nullValue()).body("html", nullValue()).body("reactions", hasSize(0));
        bob.request().get("/api/v1/messages/" + byBob + "/edits").then().body("$", hasSize(0));
        String text = bob.request().get("/api/v1/conversations/" + channel + "/messages").asString();
        assertThat(text).doesNotContain("4711").doesNotContain("4712");
        String byAlice = Spaces.post(alice, channel, "Von Alice");
        bob.request().delete("/api/v1/messages/" + byAlice).then().statusCode(403);
    }

    @Test
    void reactions_toggleWithCountsAndWho_andAreLimitedTo50Distinct() {
        Persona alice = Users.alice();
        Persona bob = Users.bob();
        UUID space = Spaces.create(alice, "open");
        Spaces.join(bob, space);
        UUID channel = Spaces.channel(alice, space);
        String id = Spaces.post(alice, channel, "Feierabend!");
        alice.request().put("/api/v1/messages/" + id + "/reactions/🎉").then().statusCode(200);
        bob.request().put("/api/v1/messages/" + id + "/reactions/🎉").then().statusCode(200)
                .body("reactions[0].emoji", equalTo("🎉")).body("reactions[0].count", equalTo(2));
        bob.request().put("/api/v1/messages/" + id + "/reactions/🎉").then().body("reactions[0].count", equalTo(2));
        bob.request().delete("/api/v1/messages/" + id + "/reactions/🎉").then().body("reactions[0].count", equalTo(1))
                .body("reactions[0].personIds", contains(alice.id().toString()));
        bob.request().put("/api/v1/messages/" + id + "/reactions/<script>").then().statusCode(400);
        bob.request().put("/api/v1/messages/" + id + "/reactions/abc").then().statusCode(400);
        bob.request().put("/api/v1/messages/" + id + "/reactions/👍🏽").then().statusCode(200);
        for (int i = 2; i < 50; i++) {
            alice.request().put("/api/v1/messages/" + id + "/reactions/:custom" + i + ":").then().statusCode(200);
        }
        alice.request().put("/api/v1/messages/" + id + "/reactions/:one-too-many:").then().statusCode(409)
                .body("type", equalTo("/problems/too-many-reactions"));
        bob.request().put("/api/v1/messages/" + id + "/reactions/:custom7:").then().statusCode(200);
    }

    @Test
    void pins_areVisibleToAllMembers() {
        Persona alice = Users.alice();
        Persona bob = Users.bob();
        UUID space = Spaces.create(alice, "open");
        Spaces.join(bob, space);
        UUID channel = Spaces.channel(alice, space);
        String id = Spaces.post(alice, channel, "Hotline-Nummer: 0800 123");
        bob.request().put("/api/v1/messages/" + id + "/pin").then().statusCode(200).body("pinned", is(true));
        alice.request().get("/api/v1/conversations/" + channel + "/pins").then().body("id", contains(id));
        alice.request().delete("/api/v1/messages/" + id + "/pin").then().statusCode(200).body("pinned", is(false));
        bob.request().get("/api/v1/conversations/" + channel + "/pins").then().body("$", hasSize(0));
    }

    @Test
    void directConversation_isOnePerPair_andGroupsHoldAtMost25() {
        Persona alice = Users.alice();
        Persona bob = Users.bob();
        String first = alice.request().body(Map.of("personId", bob.id())).post("/api/v1/conversations/direct")
                .then().statusCode(200).extract().path("id");
        String second = bob.request().body(Map.of("personId", alice.id())).post("/api/v1/conversations/direct")
                .then().statusCode(200).extract().path("id");
        assertThat(second).isEqualTo(first);
        alice.request().body(Map.of("personId", alice.id())).post("/api/v1/conversations/direct").then().statusCode(400);
        Persona carol = Users.carol();
        carol.request().get("/api/v1/conversations/" + first).then().statusCode(404);
        carol.request().get("/api/v1/conversations/" + first + "/messages").then().statusCode(404);

        List<UUID> many = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            many.add(Users.fresh("grp").id());
        }
        alice.request().body(Map.of("personIds", many)).post("/api/v1/conversations/group").then().statusCode(400)
                .body("type", equalTo("/problems/group-full"));
        String group = alice.request().body(Map.of("personIds", many.subList(0, 23), "title", "Schicht B"))
                .post("/api/v1/conversations/group").then().statusCode(200).body("participantIds", hasSize(24))
                .extract().path("id");
        bob.request().get("/api/v1/conversations/" + group).then().statusCode(404);
        alice.request().body(Map.of("personId", bob.id())).post("/api/v1/conversations/" + group + "/participants")
                .then().statusCode(200).body("participantIds", hasSize(25));
        bob.request().body(Map.of("personId", carol.id())).post("/api/v1/conversations/" + group + "/participants")
                .then().statusCode(409).body("type", equalTo("/problems/group-full"));
    }

    @Test
    void unreadAndMentionCounts_followTheReadPosition_andCodeMentionsDoNotCount() {
        Persona alice = Users.alice();
        Persona bob = Users.fresh("reader");
        UUID space = Spaces.create(alice, "open");
        Spaces.join(bob, space);
        UUID channel = Spaces.channel(alice, space);
        Spaces.post(alice, channel, "Guten Morgen");
        Spaces.post(alice, channel, "@" + bob.username() + " kannst du übernehmen?");
        String last = Spaces.post(alice, channel, "`@" + bob.username() + "` im Code zählt nicht");
        bob.request().get("/api/v1/conversations/" + channel).then().body("unreadCount", equalTo(3))
                .body("mentionCount", equalTo(1));
        bob.request().get("/api/v1/conversations").then().body("find { it.id == '" + channel + "' }.unreadCount", equalTo(3));
        bob.request().body(Map.of("messageId", last)).put("/api/v1/conversations/" + channel + "/read-position")
                .then().statusCode(200).body("unreadCount", equalTo(0)).body("mentionCount", equalTo(0));
        // Nobody else sees another person's read position.
        alice.request().get("/api/v1/conversations/" + channel).then().body("lastReadSeq", equalTo(3));
        bob.request().body(Map.of("muted", true, "starred", true)).put("/api/v1/conversations/" + channel + "/preferences")
                .then().body("muted", is(true)).body("starred", is(true));
        alice.request().get("/api/v1/conversations/" + channel).then().body("muted", is(false));
    }

    @Test
    void readReceipts_doNotExistByDefault() {
        Persona alice = Users.alice();
        UUID channel = Spaces.channel(alice, Spaces.create(alice, "open"));
        String id = Spaces.post(alice, channel, "Gelesen?");
        alice.request().get("/api/v1/messages/" + id + "/readers").then().statusCode(404)
                .body("type", equalTo("/problems/read-receipts-disabled"));
    }

    @Test
    void spaceMention_inLargeSpaces_needsModeratorToNotify() {
        Persona alice = Users.alice();
        UUID space = Spaces.create(alice, "open");
        List<Persona> members = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            Persona p = Users.fresh("crowd");
            Spaces.join(p, space);
            members.add(p);
        }
        UUID channel = Spaces.channel(alice, space);
        Persona member = members.get(0);
        Spaces.post(member, channel, "@space bitte alle lesen");
        members.get(1).request().get("/api/v1/conversations/" + channel).then().body("mentionCount", equalTo(0))
                .body("unreadCount", equalTo(1));
        Spaces.post(alice, channel, "@space Wichtig vom Moderator");
        members.get(1).request().get("/api/v1/conversations/" + channel).then().body("mentionCount", equalTo(1));
    }
}
