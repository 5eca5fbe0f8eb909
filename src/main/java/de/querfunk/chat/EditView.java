package de.querfunk.chat;

import java.time.Instant;

/** An earlier version of a message's text, replaced at {@code replacedAt}. */
public record EditView(int revision, String body, Instant replacedAt) {
}
