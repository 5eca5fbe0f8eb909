package de.querfunk.chat;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "querfunk.chat")
public interface ChatConfig {

    /** Messages a person may send per second, sustained. */
    @WithDefault("10")
    double messagesPerSecond();

    /** Messages a person may send in one burst. */
    @WithDefault("30")
    int messageBurst();

    /** Per-message read receipts; off unless the installation's works agreement allows them. */
    @WithDefault("false")
    boolean readReceipts();

    /** Spaces larger than this need a moderator for @space to notify anyone. */
    @WithDefault("50")
    int spaceMentionLimit();

    @WithDefault("25")
    int groupLimit();
}
