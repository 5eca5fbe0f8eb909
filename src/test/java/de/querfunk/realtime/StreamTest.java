package de.querfunk.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import de.querfunk.testing.Persona;
import de.querfunk.testing.Spaces;
import de.querfunk.testing.StreamClient;
import de.querfunk.testing.Users;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class StreamTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void twoPeople_seeEachOthersMessagesLive_withReactionsAndThreadReplies() {
        Persona alice = Users.alice();
        Persona bob = Users.bob();
        UUID space = Spaces.create(alice, "open");
        Spaces.join(bob, space);
        UUID channel = Spaces.channel(alice, space);
        try (StreamClient a = StreamClient.connect(base, alice, null); StreamClient b = StreamClient.connect(base, bob, null)) {
            a.hello();
            b.hello();
            String id = Spaces.post(alice, channel, "Kunde wartet in Leitung 3");
            JsonNode seen = b.awaitEvent("MessagePosted", d -> d.path("message").path("id").asText().equals(id));
            assertThat(seen.path("data").path("message").path("body").asText()).isEqualTo("Kunde wartet in Leitung 3");
            assertThat(seen.path("cursor").asText()).isNotEmpty();

            bob.request().put("/api/v1/messages/" + id + "/reactions/:eyes:").then().statusCode(200);
            a.awaitEvent("ReactionAdded", d -> d.path("messageId").asText().equals(id) && d.path("emoji").asText().equals(":eyes:"));
            var reply = new java.util.HashMap<String, Object>(Map.of("body", "Ich übernehme", "idempotencyKey", UUID.randomUUID().toString()));
            reply.put("threadRootId", id);
            bob.request().body(reply).post("/api/v1/conversations/" + channel + "/messages").then().statusCode(201);
            a.awaitEvent("ThreadUpdated", d -> d.path("rootId").asText().equals(id) && d.path("replyCount").asInt() == 1);
        }
    }

    @Test
    void sendingOverTheSocket_isAcknowledgedWithTheStoredMessage_andIdempotent() {
        Persona alice = Users.alice();
        UUID channel = Spaces.channel(alice, Spaces.create(alice, "open"));
        try (StreamClient a = StreamClient.connect(base, alice, null)) {
            a.hello();
            String key = UUID.randomUUID().toString();
            Map<String, Object> send = Map.of("type", "send", "requestId", "r1", "conversationId", channel.toString(),
                    "body", "Per Socket", "idempotencyKey", key);
            a.send(send);
            JsonNode ack = a.await(f -> f.path("type").asText().equals("ack") && f.path("requestId").asText().equals("r1"),
                    Duration.ofSeconds(10));
            String id = ack.path("message").path("id").asText();
            assertThat(ack.path("message").path("createdAt").asText()).isNotEmpty();
            a.send(Map.of("type", "send", "requestId", "r2", "conversationId", channel.toString(), "body", "Per Socket",
                    "idempotencyKey", key));
            JsonNode again = a.await(f -> f.path("requestId").asText().equals("r2"), Duration.ofSeconds(10));
            assertThat(again.path("message").path("id").asText()).isEqualTo(id);
            // The same key over REST answers the same message.
            alice.request().body(Map.of("body", "Per Socket", "idempotencyKey", key))
                    .post("/api/v1/conversations/" + channel + "/messages").then().statusCode(201)
                    .body("id", org.hamcrest.Matchers.equalTo(id));
            a.send(Map.of("type", "send", "requestId", "r3", "conversationId", channel.toString(), "body", " ",
                    "idempotencyKey", UUID.randomUUID().toString()));
            JsonNode error = a.await(f -> f.path("requestId").asText().equals("r3"), Duration.ofSeconds(10));
            assertThat(error.path("type").asText()).isEqualTo("error");
            assertThat(error.path("problem").path("type").asText()).isEqualTo("/problems/validation");
        }
    }

    @Test
    void reconnectingReader_endsWithExactlyTheStoredMessagesInOrder_whileFourWritersSend1000() throws Exception {
        Persona reader = Users.fresh("reader");
        List<Persona> writers = List.of(Users.fresh("w"), Users.fresh("w"), Users.fresh("w"), Users.fresh("w"));
        UUID space = Spaces.create(writers.get(0), "closed");
        Spaces.add(writers.get(0), space, reader);
        for (Persona w : writers.subList(1, 4)) {
            Spaces.add(writers.get(0), space, w);
        }
        UUID channel = Spaces.channel(reader, space);
        List<String> received = new ArrayList<>();
        // The reader has been connected once before anyone writes: it knows its cursor.
        String cursor;
        try (StreamClient first = StreamClient.connect(base, reader, null)) {
            cursor = first.hello().path("cursor").asText();
        }
        List<Thread> threads = new ArrayList<>();
        for (Persona w : writers) {
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 250; i++) {
                    Spaces.post(w, channel, w.username() + " #" + i);
                }
            }));
        }
        java.util.Random random = new java.util.Random(42);
        boolean writing = true;
        while (writing) {
            writing = threads.stream().anyMatch(Thread::isAlive);
            try (StreamClient r = StreamClient.connect(base, reader, cursor)) {
                r.hello();
                Thread.sleep(random.nextInt(150));
                r.cut();
                List<JsonNode> frames = r.frames();
                assertThat(frames).noneMatch(f -> f.path("type").asText().equals("resync-required"));
                for (JsonNode f : frames) {
                    if (f.path("type").asText().equals("event")) {
                        if (f.path("event").asText().equals("MessagePosted")) {
                            received.add(f.path("data").path("message").path("id").asText());
                        }
                        cursor = f.path("cursor").asText();
                    }
                }
            }
        }
        for (Thread t : threads) {
            t.join();
        }
        // One last resume collects whatever was sent after the final cut.
        try (StreamClient r = StreamClient.connect(base, reader, cursor)) {
            r.hello();
            Thread.sleep(1500);
            for (JsonNode f : r.events("MessagePosted")) {
                received.add(f.path("data").path("message").path("id").asText());
            }
        }
        List<String> stored = new ArrayList<>();
        String before = null;
        while (true) {
            var request = reader.request().queryParam("limit", 200);
            if (before != null) {
                request.queryParam("before", before);
            }
            var page = request.get("/api/v1/conversations/" + channel + "/messages").then().statusCode(200).extract().jsonPath();
            List<String> ids = page.getList("messages.id");
            stored.addAll(0, ids.reversed());
            if (!page.getBoolean("moreBefore")) {
                break;
            }
            before = ids.get(ids.size() - 1);
        }
        assertThat(stored).hasSize(1000);
        assertThat(received).containsExactlyElementsOf(stored);
    }

    @Test
    void nonMember_learnsNothingOfAClosedSpace_overRestSocketOrErrors() {
        Persona alice = Users.alice();
        Persona carol = Users.carol();
        UUID secret = Spaces.create(alice, "closed");
        UUID channel = Spaces.channel(alice, secret);
        String marker = "Betriebsrat-" + UUID.randomUUID();
        try (StreamClient c = StreamClient.connect(base, carol, null)) {
            c.hello();
            String id = Spaces.post(alice, channel, marker);
            String unknownMessage = carol.request().get("/api/v1/messages/" + UUID.randomUUID()).then().statusCode(404).extract().asString();
            String closedMessage = carol.request().get("/api/v1/messages/" + id).then().statusCode(404).extract().asString();
            assertThat(strip(closedMessage)).isEqualTo(strip(unknownMessage));
            String unknownConv = carol.request().get("/api/v1/conversations/" + UUID.randomUUID() + "/messages").then().statusCode(404).extract().asString();
            String closedConv = carol.request().get("/api/v1/conversations/" + channel + "/messages").then().statusCode(404).extract().asString();
            assertThat(strip(closedConv)).isEqualTo(strip(unknownConv));
            carol.request().get("/api/v1/spaces/" + secret + "/conversation").then().statusCode(404);
            carol.request().put("/api/v1/messages/" + id + "/reactions/:eyes:").then().statusCode(404);
            carol.request().get("/api/v1/messages/" + id + "/replies").then().statusCode(404);
            carol.request().get("/api/v1/messages/" + id + "/edits").then().statusCode(404);
            assertThat(carol.request().get("/api/v1/conversations").asString()).doesNotContain(channel.toString());
            c.send(Map.of("type", "send", "requestId", "x", "conversationId", channel.toString(), "body", "rein?",
                    "idempotencyKey", UUID.randomUUID().toString()));
            JsonNode error = c.await(f -> f.path("requestId").asText().equals("x"), Duration.ofSeconds(10));
            assertThat(error.path("problem").path("status").asInt()).isEqualTo(404);
            c.send(Map.of("type", "typing", "conversationId", channel.toString()));
            alice.request().put("/api/v1/messages/" + id + "/reactions/:eyes:").then().statusCode(200);
            pause(1000);
            assertThat(c.frames().toString()).doesNotContain(marker).doesNotContain(channel.toString()).doesNotContain(id);
        }
        try (StreamClient later = StreamClient.connect(base, carol, "0")) {
            pause(1000);
            assertThat(later.frames().toString()).doesNotContain(marker).doesNotContain(channel.toString());
        }
    }

    @Test
    void leavingASpace_stopsItsEventsOnOpenSockets() {
        Persona alice = Users.alice();
        Persona leaver = Users.fresh("leaver");
        UUID space = Spaces.create(alice, "open");
        Spaces.join(leaver, space);
        UUID channel = Spaces.channel(alice, space);
        try (StreamClient s = StreamClient.connect(base, leaver, null)) {
            s.hello();
            String before = Spaces.post(alice, channel, "vorher");
            s.awaitEvent("MessagePosted", d -> d.path("message").path("id").asText().equals(before));
            leaver.request().delete("/api/v1/spaces/" + space + "/membership").then().statusCode(204);
            s.awaitEvent("MemberLeft", d -> d.path("personId").asText().equals(leaver.id().toString()));
            String after = Spaces.post(alice, channel, "nachher");
            pause(1000);
            assertThat(s.frames().toString()).doesNotContain(after);
        }
    }

    @Test
    void joiningASpace_startsItsEventsOnOpenSockets() {
        Persona alice = Users.alice();
        Persona joiner = Users.fresh("joiner");
        UUID space = Spaces.create(alice, "open");
        UUID channel = Spaces.channel(alice, space);
        try (StreamClient s = StreamClient.connect(base, joiner, null)) {
            s.hello();
            Spaces.join(joiner, space);
            s.awaitEvent("MemberJoined", d -> d.path("personId").asText().equals(joiner.id().toString()));
            String id = Spaces.post(alice, channel, "willkommen");
            s.awaitEvent("MessagePosted", d -> d.path("message").path("id").asText().equals(id));
        }
    }

    @Test
    void readPosition_reachesThePersonsOtherDevicesOnly() {
        Persona alice = Users.alice();
        Persona bob = Users.fresh("twodevices");
        UUID space = Spaces.create(alice, "open");
        Spaces.join(bob, space);
        UUID channel = Spaces.channel(alice, space);
        String id = Spaces.post(alice, channel, "lies mich");
        try (StreamClient phone = StreamClient.connect(base, bob, null); StreamClient others = StreamClient.connect(base, alice, null)) {
            phone.hello();
            others.hello();
            bob.request().body(Map.of("messageId", id)).put("/api/v1/conversations/" + channel + "/read-position").then().statusCode(200);
            phone.awaitEvent("ReadPositionMoved", d -> d.path("messageId").asText().equals(id));
            pause(500);
            assertThat(others.events("ReadPositionMoved")).isEmpty();
        }
    }

    @Test
    void typingAndPresence_reachMembers() {
        Persona alice = Users.alice();
        Persona bob = Users.fresh("typist");
        UUID space = Spaces.create(alice, "open");
        Spaces.join(bob, space);
        UUID channel = Spaces.channel(alice, space);
        try (StreamClient a = StreamClient.connect(base, alice, null)) {
            a.hello();
            try (StreamClient b = StreamClient.connect(base, bob, null)) {
                a.await(f -> f.path("type").asText().equals("presence") && f.path("personId").asText().equals(bob.id().toString())
                        && f.path("status").asText().equals("online"), Duration.ofSeconds(10));
                b.hello();
                b.send(Map.of("type", "typing", "conversationId", channel.toString()));
                a.await(f -> f.path("type").asText().equals("typing") && f.path("personId").asText().equals(bob.id().toString()),
                        Duration.ofSeconds(10));
                b.send(Map.of("type", "presence", "status", "away"));
                a.await(f -> f.path("type").asText().equals("presence") && f.path("status").asText().equals("away"),
                        Duration.ofSeconds(10));
            }
            a.await(f -> f.path("type").asText().equals("presence") && f.path("personId").asText().equals(bob.id().toString())
                    && f.path("status").asText().equals("offline"), Duration.ofSeconds(10));
            assertThat(a.frames().toString()).doesNotContain("lastSeen").doesNotContain("since");
        }
    }

    @Test
    void hereMention_notifiesOnlyMembersWhoAreOnline() {
        Persona alice = Users.alice();
        Persona online = Users.fresh("online");
        Persona offline = Users.fresh("offline");
        UUID space = Spaces.create(alice, "open");
        Spaces.join(online, space);
        Spaces.join(offline, space);
        UUID channel = Spaces.channel(alice, space);
        try (StreamClient s = StreamClient.connect(base, online, null)) {
            s.hello();
            String id = Spaces.post(alice, channel, "@here Wer hat gerade Zeit?");
            s.awaitEvent("MessagePosted", d -> d.path("message").path("id").asText().equals(id));
            online.request().get("/api/v1/conversations/" + channel).then().body("mentionCount", org.hamcrest.Matchers.equalTo(1));
            offline.request().get("/api/v1/conversations/" + channel).then().body("mentionCount", org.hamcrest.Matchers.equalTo(0));
        }
    }

    @Test
    void deactivation_closesThePersonsSockets() {
        Persona leaver = Users.fresh("gone");
        try (StreamClient s = StreamClient.connect(base, leaver, null)) {
            s.hello();
            Users.admin().request().post("/api/v1/people/" + leaver.id() + "/deactivate").then().statusCode(200);
            assertThat(s.awaitClose(Duration.ofSeconds(5))).isEqualTo(4403);
        }
    }

    @Test
    void cursorBeyondTheLog_getsResyncRequired() {
        Persona alice = Users.alice();
        try (StreamClient s = StreamClient.connect(base, alice, "999999999999")) {
            s.await(f -> f.path("type").asText().equals("resync-required"), Duration.ofSeconds(10));
        }
    }

    @Test
    void upgrade_withForeignOriginOrWithoutCredentials_isRefused() {
        Persona alice = Users.alice();
        assertThat(upgradeStatus(StreamClient.streamUri(base, null), "qf_session=" + alice.sessionCookie(), "https://evil.example"))
                .isEqualTo(403);
        assertThat(upgradeStatus(StreamClient.streamUri(base, null), "qf_session=" + alice.sessionCookie(), null)).isEqualTo(403);
        assertThat(upgradeStatus(StreamClient.streamUri(base, null), null, null)).isEqualTo(401);
        assertThat(upgradeStatus(StreamClient.streamUri(base, null), "qf_session=forged", "http://" + base.getHost() + ":" + base.getPort()))
                .isEqualTo(401);
    }

    @Test
    void bearerToken_opensTheSocketWithoutOrigin() throws Exception {
        Persona p = Users.fresh("bot");
        String token = p.request().body(Map.of("name", "bot", "scope", "read")).post("/api/v1/me/tokens").then().statusCode(201)
                .extract().path("token");
        var ws = HttpClient.newHttpClient().newWebSocketBuilder().header("Authorization", "Bearer " + token)
                .buildAsync(StreamClient.streamUri(base, null), new WebSocket.Listener() { }).get();
        ws.abort();
    }

    @Test
    void revokingAToken_closesTheSocketsOpenedWithIt_andNoOthers() throws Exception {
        Persona p = Users.fresh("crm");
        var created = p.request().body(Map.of("name", "crm", "scope", "write")).post("/api/v1/me/tokens").then()
                .statusCode(201).extract().jsonPath();
        Map<String, String> token = Map.of("id", created.getString("id"), "token", created.getString("token"));
        java.util.concurrent.CompletableFuture<Integer> closed = new java.util.concurrent.CompletableFuture<>();
        var ws = HttpClient.newHttpClient().newWebSocketBuilder().header("Authorization", "Bearer " + token.get("token"))
                .buildAsync(StreamClient.streamUri(base, null), new WebSocket.Listener() {
                    @Override
                    public java.util.concurrent.CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
                        closed.complete(statusCode);
                        return null;
                    }
                }).get(10, java.util.concurrent.TimeUnit.SECONDS);
        try (StreamClient browser = StreamClient.connect(base, p, null)) {
            browser.hello();
            p.request().delete("/api/v1/me/tokens/" + token.get("id")).then().statusCode(204);
            assertThat(closed.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(4401);
            // The browser session of the same person stays connected.
            browser.send(Map.of("type", "ping", "requestId", "still-there"));
            browser.await(f -> f.path("type").asText().equals("pong"), Duration.ofSeconds(5));
            assertThat(browser.isClosed()).isFalse();
        } finally {
            ws.abort();
        }
    }

    @Test
    void malformedFrame_closesWith1007_andOversizedWith1009() {
        Persona alice = Users.alice();
        try (StreamClient s = StreamClient.connect(base, alice, null)) {
            s.hello();
            s.sendRaw("this is not json");
            assertThat(s.awaitClose(Duration.ofSeconds(5))).isEqualTo(1007);
        }
        try (StreamClient s = StreamClient.connect(base, alice, null)) {
            s.hello();
            s.sendRaw("{\"type\":\"send\",\"body\":\"" + "x".repeat(70_000) + "\"}");
            assertThat(s.awaitClose(Duration.ofSeconds(5))).isEqualTo(1009);
        }
    }

    private static int upgradeStatus(URI uri, String cookie, String origin) {
        var builder = HttpClient.newHttpClient().newWebSocketBuilder();
        if (cookie != null) {
            builder.header("Cookie", cookie);
        }
        if (origin != null) {
            builder.header("Origin", origin);
        }
        try {
            builder.buildAsync(uri, new WebSocket.Listener() { }).join().abort();
            return 101;
        } catch (CompletionException e) {
            if (e.getCause() instanceof java.net.http.WebSocketHandshakeException h) {
                return h.getResponse().statusCode();
            }
            throw e;
        }
    }

    private static String strip(String problem) {
        return problem.replaceAll("\"instance\":\"[^\"]*\"", "");
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
