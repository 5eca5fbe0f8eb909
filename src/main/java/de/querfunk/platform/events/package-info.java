/**
 * The event log: every state change writes its {@link de.querfunk.platform.events.DomainEvent}
 * through {@link de.querfunk.platform.events.EventLog} in the same transaction; the
 * {@link de.querfunk.platform.events.EventSequencer} numbers committed events in commit order and
 * publishes them on the {@code domain-events} channel; {@link de.querfunk.platform.events.EventDelivery}
 * gives each durable {@link de.querfunk.platform.events.EventConsumer} every event exactly once.
 */
package de.querfunk.platform.events;
