package de.querfunk.platform.events;

/** An event only tests write. */
public record ProbeHappened(String marker, int n) implements DomainEvent {
}
