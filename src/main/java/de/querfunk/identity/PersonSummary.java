package de.querfunk.identity;

import java.util.UUID;

/** What other features may show of a person. */
public record PersonSummary(UUID id, String username, String displayName, boolean active) {
}
