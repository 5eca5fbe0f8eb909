package de.querfunk.identity;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An access token; {@code token} is present only in the answer that created it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TokenInfo(UUID id, String name, String scope, Instant createdAt, Instant lastUsedAt, Instant expiresAt,
        String token) {
}
