package de.querfunk.identity;

import java.time.Instant;
import java.util.UUID;

public record SessionInfo(UUID id, boolean current, String userAgent, Instant createdAt, Instant lastSeenAt,
        Instant expiresAt) {
}
