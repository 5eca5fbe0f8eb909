package de.querfunk.platform.events;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "querfunk.events")
public interface EventsConfig {

    /** How often the sequencer and consumers look for committed events when no notification woke them. */
    @WithDefault("1s")
    Duration pollInterval();

    /** Events given positions in one sequencer transaction. */
    @WithDefault("500")
    int batchSize();
}
