package de.querfunk.platform.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.micrometer.core.instrument.MeterRegistry;

/** Counts published events per type ({@code querfunk_events_published_total}) for operators. */
@ApplicationScoped
public class EventMetrics {

    private final MeterRegistry registry;

    EventMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Incoming(EventSequencer.CHANNEL)
    void count(RecordedEvent event) {
        registry.counter("querfunk.events.published", "type", event.type()).increment();
    }
}
