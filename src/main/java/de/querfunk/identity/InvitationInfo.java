package de.querfunk.identity;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An invitation; {@code token} and {@code url} are present only in the answer that created it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InvitationInfo(UUID id, String email, Instant createdAt, Instant expiresAt, String token, String url) {
}
