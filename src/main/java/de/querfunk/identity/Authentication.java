package de.querfunk.identity;

import java.util.UUID;

/**
 * A verified credential: who it belongs to and what it allows. {@code sessionId} and
 * {@code csrfToken} are set for browser sessions, {@code tokenId} and {@code writeScope} for
 * access tokens (a session may always write, guarded by its CSRF token).
 */
public record Authentication(Actor actor, Credential.Kind kind, UUID sessionId, String csrfToken, UUID tokenId,
        boolean writeScope) {
}
