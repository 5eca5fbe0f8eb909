package de.querfunk.chat;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import de.querfunk.chat.persistence.ConversationRepository;

/** What the realtime socket needs to know about conversations, for a given person rather than the caller. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ChatDirectory {

    private final ConversationRepository conversations;
    private final ConversationAccess access;

    ChatDirectory(ConversationRepository conversations, ConversationAccess access) {
        this.conversations = conversations;
        this.access = access;
    }

    /** The direct and group conversations a person takes part in. */
    public List<UUID> conversationIdsOf(UUID personId) {
        return conversations.ofParticipant(personId).stream().map(c -> c.id).toList();
    }

    /** The stream key of a conversation the person may read; empty if it does not exist for them. */
    public Optional<String> readableStreamKey(UUID personId, UUID conversationId) {
        return conversations.findByIdOptional(conversationId).filter(c -> access.canRead(personId, c))
                .map(c -> ChatEvents.streamOf(c.spaceId, c.id));
    }
}
