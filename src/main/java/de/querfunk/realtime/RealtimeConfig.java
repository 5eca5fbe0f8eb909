package de.querfunk.realtime;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "querfunk.realtime")
public interface RealtimeConfig {

    /** How far back a reconnecting client may resume; older cursors get resync-required. */
    @WithDefault("PT24H")
    Duration retention();

    /** Online/away presence and typing indicators; a works agreement may switch both off. */
    @WithDefault("true")
    boolean presenceEnabled();

    /** Frames a client may fall behind by before it is disconnected as a slow consumer. */
    @WithDefault("2000")
    int maxQueuedFrames();

    /** Origins besides the server's own that browsers may open the socket from. */
    Optional<List<String>> allowedOrigins();
}
