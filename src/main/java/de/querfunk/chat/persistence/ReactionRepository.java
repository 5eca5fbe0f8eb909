package de.querfunk.chat.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Reactions, pins and thread followers: small rows kept with plain SQL. */
@ApplicationScoped
public class ReactionRepository {

    private final EntityManager em;

    ReactionRepository(EntityManager em) {
        this.em = em;
    }

    public boolean add(UUID messageId, UUID personId, String emoji) {
        return em.createNativeQuery("""
                INSERT INTO reaction (message_id, person_id, emoji, created_at) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT DO NOTHING""")
                .setParameter(1, messageId).setParameter(2, personId).setParameter(3, emoji)
                .setParameter(4, Instant.now()).executeUpdate() > 0;
    }

    public boolean remove(UUID messageId, UUID personId, String emoji) {
        return em.createNativeQuery("DELETE FROM reaction WHERE message_id = ?1 AND person_id = ?2 AND emoji = ?3")
                .setParameter(1, messageId).setParameter(2, personId).setParameter(3, emoji).executeUpdate() > 0;
    }

    public boolean exists(UUID messageId, String emoji) {
        return !em.createNativeQuery("SELECT 1 FROM reaction WHERE message_id = ?1 AND emoji = ?2 LIMIT 1")
                .setParameter(1, messageId).setParameter(2, emoji).getResultList().isEmpty();
    }

    public long distinctCount(UUID messageId) {
        return ((Number) em.createNativeQuery("SELECT COUNT(DISTINCT emoji) FROM reaction WHERE message_id = ?1")
                .setParameter(1, messageId).getSingleResult()).longValue();
    }

    /** (message id, emoji, person id) of the given messages, in the order reactions were first given. */
    @SuppressWarnings("unchecked")
    public List<Object[]> of(Collection<UUID> messageIds) {
        if (messageIds.isEmpty()) {
            return List.of();
        }
        return em.createNativeQuery("""
                SELECT message_id, emoji, person_id FROM reaction WHERE message_id = ANY(CAST(?1 AS uuid[]))
                ORDER BY created_at, emoji""")
                .setParameter(1, messageIds.toArray(UUID[]::new)).getResultList();
    }

    public void removeAll(UUID messageId) {
        em.createNativeQuery("DELETE FROM reaction WHERE message_id = ?1").setParameter(1, messageId).executeUpdate();
    }

    public boolean pin(UUID conversationId, UUID messageId, UUID by) {
        return em.createNativeQuery("""
                INSERT INTO pin (conversation_id, message_id, pinned_by, pinned_at) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT DO NOTHING""")
                .setParameter(1, conversationId).setParameter(2, messageId).setParameter(3, by)
                .setParameter(4, Instant.now()).executeUpdate() > 0;
    }

    public boolean unpin(UUID conversationId, UUID messageId) {
        return em.createNativeQuery("DELETE FROM pin WHERE conversation_id = ?1 AND message_id = ?2")
                .setParameter(1, conversationId).setParameter(2, messageId).executeUpdate() > 0;
    }

    public List<UUID> pinned(UUID conversationId) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery(
                "SELECT message_id FROM pin WHERE conversation_id = ?1 ORDER BY pinned_at DESC")
                .setParameter(1, conversationId).getResultList();
        return ids;
    }

    public List<UUID> pinnedAmong(Collection<UUID> messageIds) {
        if (messageIds.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("SELECT message_id FROM pin WHERE message_id = ANY(CAST(?1 AS uuid[]))")
                .setParameter(1, messageIds.toArray(UUID[]::new)).getResultList();
        return ids;
    }

    /** Makes a participant follow a thread unless they unfollowed it before. */
    public void follow(UUID rootId, UUID personId) {
        em.createNativeQuery("""
                INSERT INTO thread_follower (root_id, person_id, following) VALUES (?1, ?2, true)
                ON CONFLICT DO NOTHING""").setParameter(1, rootId).setParameter(2, personId).executeUpdate();
    }

    public void setFollowing(UUID rootId, UUID personId, boolean following) {
        em.createNativeQuery("""
                INSERT INTO thread_follower (root_id, person_id, following) VALUES (?1, ?2, ?3)
                ON CONFLICT (root_id, person_id) DO UPDATE SET following = EXCLUDED.following""")
                .setParameter(1, rootId).setParameter(2, personId).setParameter(3, following).executeUpdate();
    }

    public List<UUID> followers(UUID rootId) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("SELECT person_id FROM thread_follower WHERE root_id = ?1 AND following")
                .setParameter(1, rootId).getResultList();
        return ids;
    }

    /** Up to {@code limit} distinct authors of replies to each root: (root id, person id). */
    @SuppressWarnings("unchecked")
    public List<Object[]> threadParticipants(Collection<UUID> rootIds) {
        if (rootIds.isEmpty()) {
            return List.of();
        }
        return em.createNativeQuery("""
                SELECT thread_root_id, author_id FROM message WHERE thread_root_id = ANY(CAST(?1 AS uuid[]))
                GROUP BY thread_root_id, author_id ORDER BY thread_root_id, MIN(seq)""")
                .setParameter(1, rootIds.toArray(UUID[]::new)).getResultList();
    }
}
