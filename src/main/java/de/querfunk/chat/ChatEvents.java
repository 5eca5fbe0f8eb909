package de.querfunk.chat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import de.querfunk.platform.events.DomainEvent;

/**
 * The domain events of chat. Messages carry their conversation's stream key: channel events go
 * to everyone in the space, direct and group events to the participants, a person's own state
 * (read position, mute, star, thread follows) to that person's devices only.
 */
public final class ChatEvents {

    private ChatEvents() {
    }

    static String streamOf(UUID spaceId, UUID conversationId) {
        return spaceId != null ? "space:" + spaceId : "conversation:" + conversationId;
    }

    public record ConversationStarted(UUID conversationId, String kind, UUID spaceId, List<UUID> participantIds,
            String title, UUID by) implements DomainEvent {
        @Override
        public String streamKey() {
            return streamOf(spaceId, conversationId);
        }
    }

    public record ParticipantAdded(UUID conversationId, UUID personId, UUID by) implements DomainEvent {
        @Override
        public String streamKey() {
            return "conversation:" + conversationId;
        }
    }

    /** A new message; {@code mentionedIds} are the people it notifies (after the @space and @here rules). */
    public record MessagePosted(MessageView message, UUID spaceId, List<UUID> mentionedIds, boolean mentionsSpace,
            boolean mentionsHere) implements DomainEvent {
        @Override
        public String streamKey() {
            return streamOf(spaceId, message.conversationId());
        }
    }

    public record MessageEdited(MessageView message, UUID spaceId, List<UUID> mentionedIds) implements DomainEvent {
        @Override
        public String streamKey() {
            return streamOf(spaceId, message.conversationId());
        }
    }

    /** The text is gone everywhere; only the tombstone's id remains. */
    public record MessageDeleted(UUID messageId, UUID conversationId, UUID spaceId, UUID threadRootId, UUID by)
            implements DomainEvent {
        @Override
        public String streamKey() {
            return streamOf(spaceId, conversationId);
        }
    }

    public record ThreadUpdated(UUID rootId, UUID conversationId, UUID spaceId, int replyCount, Instant lastReplyAt,
            List<UUID> participantIds) implements DomainEvent {
        @Override
        public String streamKey() {
            return streamOf(spaceId, conversationId);
        }
    }

    public record ReactionAdded(UUID messageId, UUID conversationId, UUID spaceId, String emoji, UUID personId)
            implements DomainEvent {
        @Override
        public String streamKey() {
            return streamOf(spaceId, conversationId);
        }
    }

    public record ReactionRemoved(UUID messageId, UUID conversationId, UUID spaceId, String emoji, UUID personId)
            implements DomainEvent {
        @Override
        public String streamKey() {
            return streamOf(spaceId, conversationId);
        }
    }

    public record MessagePinned(UUID messageId, UUID conversationId, UUID spaceId, UUID by) implements DomainEvent {
        @Override
        public String streamKey() {
            return streamOf(spaceId, conversationId);
        }
    }

    public record MessageUnpinned(UUID messageId, UUID conversationId, UUID spaceId, UUID by) implements DomainEvent {
        @Override
        public String streamKey() {
            return streamOf(spaceId, conversationId);
        }
    }

    /** A person read up to a message; only that person's other devices learn of it. */
    public record ReadPositionMoved(UUID personId, UUID conversationId, UUID messageId, long seq) implements DomainEvent {
        @Override
        public String streamKey() {
            return "person:" + personId;
        }
    }

    public record ConversationPreferencesChanged(UUID personId, UUID conversationId, boolean muted, boolean starred)
            implements DomainEvent {
        @Override
        public String streamKey() {
            return "person:" + personId;
        }
    }

    public record ThreadFollowChanged(UUID personId, UUID rootId, boolean following) implements DomainEvent {
        @Override
        public String streamKey() {
            return "person:" + personId;
        }
    }
}
