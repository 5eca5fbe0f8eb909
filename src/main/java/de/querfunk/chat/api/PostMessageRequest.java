package de.querfunk.chat.api;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A message to post. {@code idempotencyKey} is made by the client for each new message and sent
 * again unchanged when retrying, so a retry never posts twice.
 */
public record PostMessageRequest(@NotBlank @Size(max = 16_000) String body, @NotBlank @Size(max = 100) String idempotencyKey,
        UUID threadRootId, boolean alsoInChannel) {
}
