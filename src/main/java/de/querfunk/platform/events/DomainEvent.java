package de.querfunk.platform.events;

/**
 * A past-tense record of a state change ({@code SpaceCreated}, {@code MemberJoined}). Features
 * define them as records and hand them to {@link EventLog#append} in the transaction that makes
 * the change. The type name stored is the record's simple name, so keep it unique and stable.
 */
public interface DomainEvent {

    default String eventType() {
        return getClass().getSimpleName();
    }
}
