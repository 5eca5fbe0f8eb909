package de.querfunk.chat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A message as readers see it. A deleted message keeps only its place: {@code deleted} is true
 * and body, html and reactions are empty. {@code thread} is set on thread roots with replies.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MessageView(UUID id, UUID conversationId, long seq, UUID authorId, String body, String html,
        Instant createdAt, Instant editedAt, boolean deleted, UUID threadRootId, boolean inChannel, ThreadView thread,
        List<ReactionView> reactions, boolean pinned) {

    public record ThreadView(int replyCount, Instant lastReplyAt, List<UUID> participantIds) {
    }

    public record ReactionView(String emoji, int count, List<UUID> personIds) {
    }
}
