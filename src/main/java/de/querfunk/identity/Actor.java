package de.querfunk.identity;

import java.util.UUID;

/** The authenticated person behind a request or socket. */
public record Actor(UUID id, String username, String displayName, boolean administrator) {
}
