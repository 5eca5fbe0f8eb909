package de.querfunk.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.notNullValue;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import java.net.Socket;
import java.nio.charset.StandardCharsets;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import de.querfunk.platform.events.DomainEvent;
import de.querfunk.platform.events.EventLog;
import de.querfunk.testing.Persona;
import de.querfunk.testing.Spaces;
import de.querfunk.testing.StreamClient;
import de.querfunk.testing.Users;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * An installation whose works agreement switches presence and typing off, keeps a short resume
 * window, a short socket queue and a low send rate.
 */
@QuarkusTest
@TestProfile(InstallationSwitchesTest.Strict.class)
class InstallationSwitchesTest {

    public static class Strict implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("querfunk.realtime.presence-enabled", "false",
                    "querfunk.realtime.retention", "PT2S",
                    "querfunk.realtime.max-queued-frames", "50",
                    "querfunk.chat.messages-per-second", "2",
                    "querfunk.chat.message-burst", "5");
        }
    }

    @TestHTTPResource("/")
    URI base;

    @Inject
    Connections connections;

    @Inject
    EventLog log;

    @Test
    void presenceOff_sendsNoPresenceOrTyping() {
        Persona alice = Users.alice();
        Persona bob = Users.fresh("quiet");
        UUID space = Spaces.create(alice, "open");
        Spaces.join(bob, space);
        UUID channel = Spaces.channel(alice, space);
        try (StreamClient a = StreamClient.connect(base, alice, null)) {
            JsonNode hello = a.hello();
            assertThat(hello.path("presenceEnabled").asBoolean()).isFalse();
            try (StreamClient b = StreamClient.connect(base, bob, null)) {
                b.hello();
                b.send(Map.of("type", "typing", "conversationId", channel.toString()));
                b.send(Map.of("type", "presence", "status", "away"));
                String id = Spaces.post(alice, channel, "Ruhe bitte");
                b.awaitEvent("MessagePosted", d -> d.path("message").path("id").asText().equals(id));
            }
            assertThat(a.frames()).noneMatch(f -> f.path("type").asText().matches("presence|presence-snapshot|typing"));
        }
    }

    @Test
    void cursorOlderThanTheRetentionWindow_getsResyncRequired() throws Exception {
        Persona alice = Users.alice();
        UUID channel = Spaces.channel(alice, Spaces.create(alice, "open"));
        String cursor;
        try (StreamClient a = StreamClient.connect(base, alice, null)) {
            cursor = a.hello().path("cursor").asText();
        }
        Spaces.post(alice, channel, "verpasst");
        Thread.sleep(3000);
        Spaces.post(alice, channel, "auch verpasst");
        try (StreamClient a = StreamClient.connect(base, alice, cursor)) {
            JsonNode resync = a.await(f -> f.path("type").asText().equals("resync-required"), Duration.ofSeconds(10));
            assertThat(resync.path("cursor").asText()).isNotEmpty();
            Thread.sleep(300);
            assertThat(a.events("MessagePosted")).isEmpty();
        }
    }

    @Test
    void slowConsumer_isDisconnectedInsteadOfSlowingOthers() throws Exception {
        Persona slow = Users.fresh("slow");
        Persona fast = Users.fresh("fast-reader");
        UUID space = Spaces.create(slow, "open");
        Spaces.join(fast, space);
        // A client that completes the upgrade and then reads nothing: the server's writes back up.
        Socket stuck = new Socket(base.getHost(), base.getPort());
        stuck.setReceiveBufferSize(16 * 1024);
        stuck.getOutputStream().write(("GET /api/v1/stream HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nOrigin: http://" + base.getHost() + ":" + base.getPort()
                + "\r\nCookie: qf_session=" + slow.sessionCookie() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        assertThat(new String(stuck.getInputStream().readNBytes(12), StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 101");
        try (StreamClient healthy = StreamClient.connect(base, fast, null)) {
            healthy.hello();
            await().atMost(Duration.ofSeconds(10)).until(() -> !connections.of(slow.id()).isEmpty());
            // Events straight into the log (as many posts would write them), far more than the queue holds.
            String big = "x".repeat(60_000);
            for (int batch = 0; batch < 20 && !connections.of(slow.id()).isEmpty(); batch++) {
                QuarkusTransaction.requiringNew().run(() -> {
                    for (int i = 0; i < 20; i++) {
                        log.append(new Flood(space, big));
                    }
                });
                Thread.sleep(200);
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> connections.of(slow.id()).isEmpty());
            assertThat(healthy.isClosed()).isFalse();
            String id = Spaces.post(fast, Spaces.channel(fast, space), "noch da");
            healthy.awaitEvent("MessagePosted", d -> d.path("message").path("id").asText().equals(id));
        } finally {
            stuck.close();
        }
    }

    /** A large event on a space's stream. */
    record Flood(UUID spaceId, String filler) implements DomainEvent {
        @Override
        public String streamKey() {
            return "space:" + spaceId;
        }
    }

    @Test
    void sendingTooFast_isRefusedWith429AndRetryAfter() {
        Persona sender = Users.fresh("fast");
        UUID channel = Spaces.channel(sender, Spaces.create(sender, "open"));
        int refused = 0;
        for (int i = 0; i < 45 && refused == 0; i++) {
            var r = sender.request().body(Map.of("body", "spam " + i, "idempotencyKey", UUID.randomUUID().toString()))
                    .post("/api/v1/conversations/" + channel + "/messages");
            if (r.statusCode() == 429) {
                refused = i;
                r.then().contentType("application/problem+json").body("type", equalTo("/problems/too-many-requests"))
                        .header("Retry-After", notNullValue());
            }
        }
        assertThat(refused).as("refused soon after the burst of 5").isBetween(5, 20);
    }
}
