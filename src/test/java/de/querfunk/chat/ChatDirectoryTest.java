package de.querfunk.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import de.querfunk.chat.ChatDirectory.StoredMessage;
import de.querfunk.testing.Persona;
import de.querfunk.testing.Spaces;
import de.querfunk.testing.Users;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** What other features read through the directory, asked the way they ask it. */
@QuarkusTest
class ChatDirectoryTest {

    @Inject
    ChatDirectory directory;

    @Test
    void messagesAfter_walksEveryUndeletedMessageWithItsSpaceAndStreamKey() {
        Persona alice = Users.alice();
        Persona bob = Users.bob();
        UUID space = Spaces.create(alice, "open");
        UUID channel = Spaces.channel(alice, space);
        UUID kept = UUID.fromString(Spaces.post(alice, channel, "Bleibt stehen"));
        UUID deleted = UUID.fromString(Spaces.post(alice, channel, "Wird gelöscht"));
        alice.request().delete("/api/v1/messages/" + deleted).then().statusCode(204);
        UUID direct = UUID.fromString(alice.request().body(Map.of("personId", bob.id().toString()))
                .post("/api/v1/conversations/direct").then().statusCode(200).extract().path("id"));
        UUID privately = UUID.fromString(Spaces.post(bob, direct, "Unter uns"));

        Map<UUID, StoredMessage> seen = new HashMap<>();
        UUID after = null;
        List<StoredMessage> page;
        do {
            UUID from = after;
            page = QuarkusTransaction.requiringNew().call(() -> directory.messagesAfter(from, 500));
            for (StoredMessage m : page) {
                assertThat(seen.put(m.message().id(), m)).as("each message once").isNull();
                after = m.message().id();
            }
        } while (!page.isEmpty());

        assertThat(seen).containsKeys(kept, privately).doesNotContainKey(deleted);
        assertThat(seen.get(kept).spaceId()).isEqualTo(space);
        assertThat(seen.get(kept).streamKey()).isEqualTo("space:" + space);
        assertThat(seen.get(kept).message().body()).isEqualTo("Bleibt stehen");
        assertThat(seen.get(privately).spaceId()).isNull();
        assertThat(seen.get(privately).streamKey()).isEqualTo("conversation:" + direct);
        assertThat(QuarkusTransaction.requiringNew().call(directory::messageCount)).isEqualTo(seen.size());
    }
}
