package de.querfunk.platform.events;

/**
 * A durable consumer of the event log: it sees every committed event once, in position order,
 * and continues after the last event it processed when it restarts. Implementations are CDI beans
 * that pass each event from the {@code domain-events} channel to {@link EventDelivery#deliver};
 * {@link #apply} runs in the transaction that also stores the consumer's position, so a consumer
 * whose effect is in PostgreSQL is exactly-once.
 */
public interface EventConsumer {

    /** Stable name under which the position is stored; renaming it replays the whole log. */
    String consumerName();

    void apply(RecordedEvent event);

    /** A consumer that is not active receives nothing until it is again; then it catches up. */
    default boolean isActive() {
        return true;
    }

    /** Whether a consumer seen for the first time starts at the current head instead of replaying history. */
    default boolean startsAtHead() {
        return false;
    }
}
