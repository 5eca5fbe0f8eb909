package de.querfunk.platform.events;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The transactional outbox. {@link #append} writes an event in the caller's transaction, so the
 * event exists exactly when the change does; the {@link EventSequencer} gives it its public
 * position after commit.
 */
@ApplicationScoped
public class EventLog {

    private final EntityManager em;
    private final ObjectMapper json;

    EventLog(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    @Transactional(TxType.MANDATORY)
    public void append(DomainEvent event) {
        String payload;
        try {
            payload = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event " + event.eventType() + " does not serialise", e);
        }
        em.createNativeQuery("INSERT INTO event_log (type, payload) VALUES (?1, CAST(?2 AS jsonb))")
                .setParameter(1, event.eventType())
                .setParameter(2, payload)
                .executeUpdate();
    }

    /** Up to {@code limit} committed, positioned events after {@code position}, in order. */
    @Transactional(TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<RecordedEvent> readAfter(long position, int limit) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT position, type, CAST(payload AS text), occurred_at FROM event_log
                WHERE position > ?1 ORDER BY position LIMIT ?2""")
                .setParameter(1, position)
                .setParameter(2, limit)
                .getResultList();
        List<RecordedEvent> events = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            events.add(new RecordedEvent(((Number) row[0]).longValue(), (String) row[1], (String) row[2], instant(row[3])));
        }
        return events;
    }

    /** The position of the newest positioned event, 0 when there is none. */
    @Transactional(TxType.SUPPORTS)
    public long head() {
        return ((Number) em.createNativeQuery("SELECT COALESCE(MAX(position), 0) FROM event_log").getSingleResult()).longValue();
    }

    static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
    }
}
