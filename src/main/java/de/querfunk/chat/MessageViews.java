package de.querfunk.chat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import de.querfunk.chat.MessageView.ReactionView;
import de.querfunk.chat.MessageView.ThreadView;
import de.querfunk.chat.persistence.Message;
import de.querfunk.chat.persistence.ReactionRepository;

/** Builds message views for a page of messages with a fixed number of queries. */
@ApplicationScoped
class MessageViews {

    private final ReactionRepository reactions;

    MessageViews(ReactionRepository reactions) {
        this.reactions = reactions;
    }

    List<MessageView> of(List<Message> messages) {
        List<UUID> ids = messages.stream().map(m -> m.id).toList();
        Map<UUID, Map<String, List<UUID>>> byMessage = new LinkedHashMap<>();
        for (Object[] row : reactions.of(ids)) {
            byMessage.computeIfAbsent((UUID) row[0], k -> new LinkedHashMap<>())
                    .computeIfAbsent((String) row[1], k -> new ArrayList<>()).add((UUID) row[2]);
        }
        Set<UUID> pinned = new HashSet<>(reactions.pinnedAmong(ids));
        List<UUID> roots = messages.stream().filter(m -> m.replyCount > 0).map(m -> m.id).toList();
        Map<UUID, List<UUID>> participants = new LinkedHashMap<>();
        for (Object[] row : reactions.threadParticipants(roots)) {
            participants.computeIfAbsent((UUID) row[0], k -> new ArrayList<>()).add((UUID) row[1]);
        }
        return messages.stream().map(m -> view(m, byMessage.getOrDefault(m.id, Map.of()), pinned.contains(m.id),
                participants.getOrDefault(m.id, List.of()))).toList();
    }

    MessageView of(Message m) {
        return of(List.of(m)).get(0);
    }

    /** The view of a message just posted: it has no reactions, pin or replies yet, so nothing is read. */
    MessageView ofNew(Message m) {
        return view(m, Map.of(), false, List.of());
    }

    private static MessageView view(Message m, Map<String, List<UUID>> reactionMap, boolean pinned, List<UUID> participants) {
        boolean deleted = m.deletedAt != null;
        List<ReactionView> reactionViews = deleted ? List.of()
                : reactionMap.entrySet().stream().map(e -> new ReactionView(e.getKey(), e.getValue().size(), e.getValue()))
                        .toList();
        ThreadView thread = m.replyCount > 0 ? new ThreadView(m.replyCount, m.lastReplyAt, participants) : null;
        return new MessageView(m.id, m.conversationId, m.seq, m.authorId, deleted ? null : m.body, deleted ? null : m.html,
                m.createdAt, m.editedAt, deleted, m.threadRootId, m.inChannel, thread, reactionViews, pinned);
    }
}
