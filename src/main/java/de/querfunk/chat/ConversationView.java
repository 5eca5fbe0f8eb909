package de.querfunk.chat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A conversation with the caller's own state: unread and mention counts, mute, star, read position. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConversationView(UUID id, String kind, UUID spaceId, String title, List<UUID> participantIds,
        Instant createdAt, long lastSeq, long lastReadSeq, long unreadCount, long mentionCount, boolean muted,
        boolean starred) {
}
