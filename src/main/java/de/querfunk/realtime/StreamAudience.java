package de.querfunk.realtime;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import de.querfunk.chat.ChatDirectory;
import de.querfunk.space.SpaceAccess;

/**
 * The stream keys a person follows: their own ({@code person:<id>}), the spaces they belong to
 * and their direct and group conversations. Computed at connect; membership events keep it
 * current while the socket is open.
 */
@ApplicationScoped
class StreamAudience {

    private final SpaceAccess spaces;
    private final ChatDirectory chat;

    StreamAudience(SpaceAccess spaces, ChatDirectory chat) {
        this.spaces = spaces;
        this.chat = chat;
    }

    @Transactional
    Set<String> keysOf(UUID personId) {
        Set<String> keys = new HashSet<>();
        keys.add(person(personId));
        for (UUID spaceId : spaces.memberSpaceIds(personId)) {
            keys.add(space(spaceId));
        }
        for (UUID conversationId : chat.conversationIdsOf(personId)) {
            keys.add(conversation(conversationId));
        }
        return keys;
    }

    static String person(UUID id) {
        return "person:" + id;
    }

    static String space(UUID id) {
        return "space:" + id;
    }

    static String conversation(UUID id) {
        return "conversation:" + id;
    }
}
