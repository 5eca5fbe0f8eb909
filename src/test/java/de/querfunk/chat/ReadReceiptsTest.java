package de.querfunk.chat;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import de.querfunk.testing.Persona;
import de.querfunk.testing.Spaces;
import de.querfunk.testing.Users;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** An installation whose administrator switched per-message read receipts on. */
@QuarkusTest
@TestProfile(ReadReceiptsTest.Enabled.class)
class ReadReceiptsTest {

    public static class Enabled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("querfunk.chat.read-receipts", "true");
        }
    }

    @Test
    void readers_listWhoReadTheMessage_whenEnabled() {
        Persona alice = Users.alice();
        Persona bob = Users.fresh("reads");
        UUID space = Spaces.create(alice, "open");
        Spaces.join(bob, space);
        UUID channel = Spaces.channel(alice, space);
        String id = Spaces.post(alice, channel, "Bitte bestätigen");
        alice.request().get("/api/v1/messages/" + id + "/readers").then().statusCode(200).body("size()", equalTo(0));
        bob.request().body(Map.of("messageId", id)).put("/api/v1/conversations/" + channel + "/read-position").then().statusCode(200);
        alice.request().get("/api/v1/messages/" + id + "/readers").then().statusCode(200).body("$", contains(bob.id().toString()));
    }
}
