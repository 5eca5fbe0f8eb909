package de.querfunk.platform.events;

import java.time.Instant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A committed event with its public position. Positions are contiguous and assigned in commit
 * order; a consumer that has processed position n next needs n + 1.
 */
public record RecordedEvent(long position, String type, String streamKey, String payload, Instant occurredAt) {

    private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();

    /** The payload read as the feature's event record. */
    public <T extends DomainEvent> T as(Class<T> eventClass) {
        try {
            return MAPPER.readValue(payload, eventClass);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event " + position + " of type " + type + " does not read as " + eventClass.getName(), e);
        }
    }

    public boolean is(Class<? extends DomainEvent> eventClass) {
        return type.equals(eventClass.getSimpleName());
    }
}
