package de.querfunk.platform.events;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

/** A durable consumer that remembers what it was given, and can be stopped and restarted. */
@ApplicationScoped
public class RecordingConsumer implements EventConsumer {

    @Inject
    EventDelivery delivery;

    private final List<RecordedEvent> seen = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean active = true;

    @Override
    public String consumerName() {
        return "test-recorder";
    }

    @Override
    public boolean startsAtHead() {
        return true;
    }

    @Override
    public boolean isActive() {
        return active;
    }

    @Override
    public void apply(RecordedEvent event) {
        seen.add(event);
    }

    @Incoming("domain-events")
    @Blocking
    void on(RecordedEvent event) {
        delivery.deliver(this, event);
    }

    public void stop() {
        active = false;
    }

    public void restart() {
        active = true;
        delivery.catchUp(this);
    }

    public List<RecordedEvent> seen() {
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }
}
