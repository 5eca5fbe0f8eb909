package de.querfunk.platform.events;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A past-tense record of a state change ({@code SpaceCreated}, {@code MemberJoined}). Features
 * define them as records and hand them to {@link EventLog#append} in the transaction that makes
 * the change. The type name stored is the record's simple name, so keep it unique and stable.
 */
public interface DomainEvent {

    @JsonIgnore
    default String eventType() {
        return getClass().getSimpleName();
    }

    /**
     * Who may follow this event live, as a stream key: {@code space:<id>} for everyone who belongs
     * to a space, {@code conversation:<id>} for the participants of a direct or group
     * conversation, {@code person:<id>} for one person's own devices; null for events no client
     * follows. The realtime socket replays and delivers events by these keys.
     */
    @JsonIgnore
    default String streamKey() {
        return null;
    }
}
