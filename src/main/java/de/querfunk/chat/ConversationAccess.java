package de.querfunk.chat;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import de.querfunk.chat.persistence.Conversation;
import de.querfunk.chat.persistence.ConversationRepository;
import de.querfunk.platform.problem.ProblemException;
import de.querfunk.space.SpaceAccess;

/**
 * Who may read and write in a conversation. Channels defer to {@link SpaceAccess}; direct and
 * group conversations belong to their participants. A conversation someone may not read does not
 * exist for them: the answer is the 404 of an unknown id.
 */
@ApplicationScoped
class ConversationAccess {

    static final String CONVERSATION_NOT_FOUND = "No conversation with this id exists, or you are not part of it.";

    private final ConversationRepository conversations;
    private final SpaceAccess spaces;

    ConversationAccess(ConversationRepository conversations, SpaceAccess spaces) {
        this.conversations = conversations;
        this.spaces = spaces;
    }

    Conversation readable(UUID personId, UUID conversationId) {
        Conversation c = conversations.findByIdOptional(conversationId).orElseThrow(ConversationAccess::notFound);
        if (!canRead(personId, c)) {
            throw notFound();
        }
        return c;
    }

    boolean canRead(UUID personId, Conversation c) {
        return c.spaceId != null ? spaces.canRead(personId, c.spaceId) : conversations.isParticipant(c.id, personId);
    }

    /** 404 as {@link #readable}; for channels also the problems of {@link SpaceAccess#requirePost}. */
    Conversation writable(UUID personId, UUID conversationId) {
        Conversation c = conversations.findByIdOptional(conversationId).orElseThrow(ConversationAccess::notFound);
        if (c.spaceId != null) {
            // Reads the space and the membership once: it answers a space the person cannot read with a 404 too.
            spaces.requirePost(personId, c.spaceId);
        } else if (!conversations.isParticipant(c.id, personId)) {
            throw notFound();
        }
        return c;
    }

    boolean canModerate(UUID personId, Conversation c) {
        return c.spaceId != null && spaces.canModerate(personId, c.spaceId);
    }

    static ProblemException notFound() {
        return ProblemException.notFound(CONVERSATION_NOT_FOUND);
    }
}
