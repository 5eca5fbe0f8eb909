package de.querfunk.chat.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import de.querfunk.chat.EditView;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;

@ApplicationScoped
public class MessageRepository implements PanacheRepositoryBase<Message, UUID> {

    public Optional<Message> findByIdempotencyKey(UUID authorId, String key) {
        return find("authorId = ?1 and idempotencyKey = ?2", authorId, key).firstResultOptional();
    }

    /** Channel messages (not thread-only replies) with seq in (after, before), newest first. */
    public List<Message> channelPage(UUID conversationId, Long beforeSeq, Long afterSeq, boolean ascending, int limit) {
        return find("""
                conversationId = :c and (threadRootId is null or inChannel = true)
                and (:before is null or seq < :before) and (:after is null or seq > :after)
                order by seq\s""" + (ascending ? "asc" : "desc"),
                Parameters.with("c", conversationId).and("before", beforeSeq).and("after", afterSeq))
                .page(0, limit).list();
    }

    /**
     * Messages that are not deleted, in id order after {@code afterId} (from the first when null),
     * each with the space of its conversation (null for direct and group conversations).
     */
    public List<Object[]> undeletedAfter(UUID afterId, int limit) {
        String hql = """
                select m, c.spaceId from Message m, Conversation c
                where c.id = m.conversationId and m.deletedAt is null%s order by m.id""";
        var query = getEntityManager().createQuery(hql.formatted(afterId == null ? "" : " and m.id > :after"), Object[].class);
        if (afterId != null) {
            query.setParameter("after", afterId);
        }
        return query.setMaxResults(limit).getResultList();
    }

    public long countUndeleted() {
        return count("deletedAt is null");
    }

    public List<Message> replies(UUID rootId, Long afterSeq, int limit) {
        return find("threadRootId = :r and (:after is null or seq > :after) order by seq asc",
                Parameters.with("r", rootId).and("after", afterSeq)).page(0, limit).list();
    }

    public void recordEdit(UUID messageId, String previousBody, Instant replacedAt) {
        Number revision = (Number) getEntityManager()
                .createNativeQuery("SELECT COALESCE(MAX(revision), 0) + 1 FROM message_edit WHERE message_id = ?1")
                .setParameter(1, messageId).getSingleResult();
        getEntityManager().createNativeQuery(
                "INSERT INTO message_edit (message_id, revision, body, replaced_at) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, messageId).setParameter(2, revision.intValue()).setParameter(3, previousBody)
                .setParameter(4, replacedAt).executeUpdate();
    }

    /** Earlier versions of a message, oldest first. */
    public List<EditView> edits(UUID messageId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery(
                "SELECT revision, body, replaced_at FROM message_edit WHERE message_id = ?1 ORDER BY revision")
                .setParameter(1, messageId).getResultList();
        return rows.stream().map(r -> new EditView(((Number) r[0]).intValue(), (String) r[1], instant(r[2]))).toList();
    }

    /** The text a message was first sent with. */
    public String originalBody(UUID messageId, String current) {
        @SuppressWarnings("unchecked")
        List<String> first = getEntityManager().createNativeQuery(
                "SELECT body FROM message_edit WHERE message_id = ?1 ORDER BY revision LIMIT 1")
                .setParameter(1, messageId).getResultList();
        return first.isEmpty() ? current : first.get(0);
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        return ((java.time.OffsetDateTime) value).toInstant();
    }

    public void forgetText(UUID messageId) {
        getEntityManager().createNativeQuery("DELETE FROM message_edit WHERE message_id = ?1")
                .setParameter(1, messageId).executeUpdate();
        getEntityManager().createNativeQuery("DELETE FROM message_mention WHERE message_id = ?1")
                .setParameter(1, messageId).executeUpdate();
    }

    public void recordMentions(UUID messageId, Collection<UUID> personIds) {
        for (UUID personId : personIds) {
            getEntityManager().createNativeQuery(
                    "INSERT INTO message_mention (message_id, person_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                    .setParameter(1, messageId).setParameter(2, personId).executeUpdate();
        }
    }

    public void replaceMentions(UUID messageId, Collection<UUID> personIds) {
        getEntityManager().createNativeQuery("DELETE FROM message_mention WHERE message_id = ?1")
                .setParameter(1, messageId).executeUpdate();
        recordMentions(messageId, personIds);
    }

    /** Unread channel messages and unread mentions of a person in a conversation after a seq. */
    public long[] unread(UUID conversationId, UUID personId, long lastReadSeq) {
        Object[] row = (Object[]) getEntityManager().createNativeQuery("""
                SELECT COUNT(*) FILTER (WHERE m.author_id <> ?2),
                       COUNT(*) FILTER (WHERE m.author_id <> ?2 AND EXISTS
                           (SELECT 1 FROM message_mention mm WHERE mm.message_id = m.id AND mm.person_id = ?2))
                FROM message m
                WHERE m.conversation_id = ?1 AND m.seq > ?3 AND m.deleted_at IS NULL
                  AND (m.thread_root_id IS NULL OR m.in_channel)""")
                .setParameter(1, conversationId).setParameter(2, personId).setParameter(3, lastReadSeq)
                .getSingleResult();
        return new long[] { ((Number) row[0]).longValue(), ((Number) row[1]).longValue() };
    }
}
