package de.querfunk.platform.events;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Delivers events to {@link EventConsumer}s exactly once from each consumer's point of view. The
 * consumer's position is row-locked while it applies events, so the live channel and the
 * periodic catch-up never apply the same event twice; an event that arrives after a gap makes the
 * consumer read the gap from the log first.
 */
@ApplicationScoped
public class EventDelivery {

    private static final Logger LOG = Logger.getLogger(EventDelivery.class);

    @Inject
    EntityManager em;

    @Inject
    EventLog log;

    @Inject
    EventsConfig config;

    @Inject
    @Any
    Instance<EventConsumer> consumers;

    /** Applies {@code event} to {@code consumer}, first applying any events it missed before it. */
    public void deliver(EventConsumer consumer, RecordedEvent event) {
        if (!consumer.isActive()) {
            return;
        }
        catchUp(consumer, event.position(), event);
    }

    /** Brings {@code consumer} up to the head of the log. */
    public void catchUp(EventConsumer consumer) {
        if (consumer.isActive()) {
            catchUp(consumer, log.head(), null);
        }
    }

    @Scheduled(every = "${querfunk.events.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "${querfunk.events.poll-interval}")
    void catchUpAll() {
        for (EventConsumer consumer : consumers) {
            try {
                catchUp(consumer);
            } catch (RuntimeException e) {
                LOG.warnf(e, "Consumer %s failed to catch up; it retries at the next interval", consumer.consumerName());
            }
        }
    }

    /** The last position {@code consumer} has processed. */
    public long position(EventConsumer consumer) {
        return QuarkusTransaction.requiringNew().call(() -> lockPosition(consumer));
    }

    private void catchUp(EventConsumer consumer, long target, RecordedEvent live) {
        boolean done = false;
        while (!done) {
            done = QuarkusTransaction.requiringNew().call(() -> {
                long position = lockPosition(consumer);
                if (position >= target) {
                    return true;
                }
                List<RecordedEvent> todo = live != null && live.position() == position + 1
                        ? List.of(live)
                        : log.readAfter(position, (int) Math.min(config.batchSize(), target - position));
                if (todo.isEmpty()) {
                    return true;
                }
                for (RecordedEvent event : todo) {
                    consumer.apply(event);
                    position = event.position();
                }
                em.createNativeQuery("UPDATE event_consumer SET position = ?1, updated_at = now() WHERE name = ?2")
                        .setParameter(1, position).setParameter(2, consumer.consumerName()).executeUpdate();
                return position >= target;
            });
        }
    }

    private long lockPosition(EventConsumer consumer) {
        em.createNativeQuery("""
                INSERT INTO event_consumer (name, position, updated_at)
                VALUES (?1, CASE WHEN ?2 THEN (SELECT COALESCE(MAX(position), 0) FROM event_log) ELSE 0 END, now())
                ON CONFLICT (name) DO NOTHING""")
                .setParameter(1, consumer.consumerName()).setParameter(2, consumer.startsAtHead()).executeUpdate();
        return ((Number) em.createNativeQuery("SELECT position FROM event_consumer WHERE name = ?1 FOR UPDATE")
                .setParameter(1, consumer.consumerName()).getSingleResult()).longValue();
    }
}
