package de.querfunk.chat.persistence;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ConversationRepository implements PanacheRepositoryBase<Conversation, UUID> {

    public Optional<Conversation> findChannel(UUID spaceId) {
        return find("spaceId", spaceId).firstResultOptional();
    }

    public Optional<Conversation> findDirect(String directKey) {
        return find("directKey", directKey).firstResultOptional();
    }

    /**
     * Takes the next message number of the conversation. One atomic update: its row lock orders
     * concurrent sends, and it reads the committed counter even when the entity is already loaded.
     */
    public long nextSeq(UUID conversationId) {
        return ((Number) getEntityManager().createNativeQuery(
                "UPDATE conversation SET last_seq = last_seq + 1 WHERE id = ?1 RETURNING last_seq")
                .setParameter(1, conversationId).getSingleResult()).longValue();
    }

    public Conversation lock(UUID conversationId) {
        return getEntityManager().find(Conversation.class, conversationId, LockModeType.PESSIMISTIC_WRITE);
    }

    public boolean isParticipant(UUID conversationId, UUID personId) {
        return getEntityManager().find(ConversationParticipant.class,
                new ConversationParticipant.Key(conversationId, personId)) != null;
    }

    public List<UUID> participants(UUID conversationId) {
        return getEntityManager().createQuery(
                "select p.personId from ConversationParticipant p where p.conversationId = ?1 order by p.addedAt", UUID.class)
                .setParameter(1, conversationId).getResultList();
    }

    public long participantCount(UUID conversationId) {
        return getEntityManager().createQuery(
                "select count(p) from ConversationParticipant p where p.conversationId = ?1", Long.class)
                .setParameter(1, conversationId).getSingleResult();
    }

    /** The direct and group conversations of a person. */
    public List<Conversation> ofParticipant(UUID personId) {
        return getEntityManager().createQuery("""
                select c from Conversation c where c.id in
                  (select p.conversationId from ConversationParticipant p where p.personId = ?1)""", Conversation.class)
                .setParameter(1, personId).getResultList();
    }

    public List<Conversation> channelsOf(Collection<UUID> spaceIds) {
        if (spaceIds.isEmpty()) {
            return List.of();
        }
        return list("spaceId in ?1", spaceIds);
    }

    public ConversationState state(UUID conversationId, UUID personId) {
        EntityManager em = getEntityManager();
        ConversationState s = em.find(ConversationState.class, new ConversationState.Key(conversationId, personId));
        if (s == null) {
            s = new ConversationState();
            s.conversationId = conversationId;
            s.personId = personId;
            em.persist(s);
        }
        return s;
    }

    /**
     * Moves a person's read position forward to {@code seq} (never back) in one statement. The
     * state entity of this conversation and person must not be loaded in the same transaction.
     */
    public void readUpTo(UUID conversationId, UUID personId, long seq) {
        getEntityManager().createNativeQuery("""
                INSERT INTO conversation_state (conversation_id, person_id, last_read_seq) VALUES (?1, ?2, ?3)
                ON CONFLICT (conversation_id, person_id)
                DO UPDATE SET last_read_seq = GREATEST(conversation_state.last_read_seq, EXCLUDED.last_read_seq)""")
                .setParameter(1, conversationId).setParameter(2, personId).setParameter(3, seq).executeUpdate();
    }

    public Optional<ConversationState> findState(UUID conversationId, UUID personId) {
        return Optional.ofNullable(getEntityManager().find(ConversationState.class,
                new ConversationState.Key(conversationId, personId)));
    }

    /** The people whose read position in a conversation is at or past {@code seq}. */
    public List<UUID> readersUpTo(UUID conversationId, long seq) {
        return getEntityManager().createQuery(
                "select s.personId from ConversationState s where s.conversationId = ?1 and s.lastReadSeq >= ?2", UUID.class)
                .setParameter(1, conversationId).setParameter(2, seq).getResultList();
    }
}
