package de.querfunk.chat;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import de.querfunk.chat.MessageView.ThreadView;
import de.querfunk.chat.persistence.ConversationRepository;
import de.querfunk.chat.persistence.Message;
import de.querfunk.chat.persistence.MessageRepository;

/**
 * What other features need to know about conversations and messages, for a given person rather
 * than the caller: the realtime socket asks who follows what, the search index reads every message
 * when it is rebuilt.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ChatDirectory {

    private final ConversationRepository conversations;
    private final MessageRepository messages;
    private final ConversationAccess access;

    ChatDirectory(ConversationRepository conversations, MessageRepository messages, ConversationAccess access) {
        this.conversations = conversations;
        this.messages = messages;
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

    /**
     * Up to {@code limit} messages that are not deleted, in id order after {@code afterId} (from the
     * first when null), for rebuilding derived data such as the search index. The views leave
     * reactions, pins and thread participants empty; {@code thread} tells only whether a message has
     * replies.
     */
    public List<StoredMessage> messagesAfter(UUID afterId, int limit) {
        return messages.undeletedAfter(afterId, limit).stream()
                .map(row -> stored((Message) row[0], (UUID) row[1])).toList();
    }

    /** How many messages {@link #messagesAfter} walks through. */
    public long messageCount() {
        return messages.countUndeleted();
    }

    private static StoredMessage stored(Message m, UUID spaceId) {
        ThreadView thread = m.replyCount > 0 ? new ThreadView(m.replyCount, m.lastReplyAt, List.of()) : null;
        MessageView view = new MessageView(m.id, m.conversationId, m.seq, m.authorId, m.body, m.html, m.createdAt,
                m.editedAt, false, m.threadRootId, m.inChannel, thread, List.of(), false);
        return new StoredMessage(view, spaceId, ChatEvents.streamOf(spaceId, m.conversationId));
    }

    /**
     * A message as stored, with the space of its conversation (null for direct and group
     * conversations) and the stream key its events carry ({@code space:<id>} or
     * {@code conversation:<id>}), which is also who may read it.
     */
    public record StoredMessage(MessageView message, UUID spaceId, String streamKey) {
    }
}
