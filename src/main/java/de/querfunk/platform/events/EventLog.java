package de.querfunk.platform.events;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The transactional outbox. {@link #append} writes an event in the caller's transaction, so the
 * event exists exactly when the change does; the {@link EventSequencer}, woken when the
 * transaction commits, gives it its public position.
 */
@ApplicationScoped
public class EventLog {

    private static final Object WAKE_UP = new Object();

    private final EntityManager em;
    private final ObjectMapper json;
    private final TransactionSynchronizationRegistry transactions;
    private final EventSequencer sequencer;

    EventLog(EntityManager em, ObjectMapper json, TransactionSynchronizationRegistry transactions, EventSequencer sequencer) {
        this.em = em;
        this.json = json;
        this.transactions = transactions;
        this.sequencer = sequencer;
    }

    @Transactional(TxType.MANDATORY)
    public void append(DomainEvent event) {
        String payload;
        try {
            payload = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event " + event.eventType() + " does not serialise", e);
        }
        em.createNativeQuery("INSERT INTO event_log (type, stream_key, payload) VALUES (?1, ?2, CAST(?3 AS jsonb))")
                .setParameter(1, event.eventType())
                .setParameter(2, event.streamKey())
                .setParameter(3, payload)
                .executeUpdate();
        if (transactions.getResource(WAKE_UP) == null) {
            transactions.putResource(WAKE_UP, Boolean.TRUE);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        sequencer.committed();
                    }
                }
            });
        }
    }

    /** Up to {@code limit} committed, positioned events after {@code position}, in order. */
    @Transactional(TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<RecordedEvent> readAfter(long position, int limit) {
        List<Object[]> rows = em.createNativeQuery("""
                SELECT position, type, stream_key, CAST(payload AS text), occurred_at FROM event_log
                WHERE position > ?1 ORDER BY position LIMIT ?2""")
                .setParameter(1, position)
                .setParameter(2, limit)
                .getResultList();
        return recorded(rows);
    }

    /** Up to {@code limit} events after {@code position} whose stream key is one of {@code streamKeys}, in order. */
    @Transactional(TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<RecordedEvent> readStreams(long position, java.util.Collection<String> streamKeys, int limit) {
        if (streamKeys.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = em.createNativeQuery("""
                SELECT position, type, stream_key, CAST(payload AS text), occurred_at FROM event_log
                WHERE position > ?1 AND stream_key = ANY(CAST(?2 AS text[])) ORDER BY position LIMIT ?3""")
                .setParameter(1, position)
                .setParameter(2, streamKeys.toArray(String[]::new))
                .setParameter(3, limit)
                .getResultList();
        return recorded(rows);
    }

    /** The first position of an event that occurred at or after {@code since}, or the head + 1 when none did. */
    @Transactional(TxType.SUPPORTS)
    public long firstPositionSince(Instant since) {
        Object found = em.createNativeQuery("""
                SELECT MIN(position) FROM event_log WHERE occurred_at >= ?1 AND position IS NOT NULL""")
                .setParameter(1, since).getSingleResult();
        return found == null ? head() + 1 : ((Number) found).longValue();
    }

    private static List<RecordedEvent> recorded(List<Object[]> rows) {
        List<RecordedEvent> events = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            events.add(new RecordedEvent(((Number) row[0]).longValue(), (String) row[1], (String) row[2], (String) row[3],
                    instant(row[4])));
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
