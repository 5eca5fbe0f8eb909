package de.querfunk.identity;

import java.time.Instant;

/** A new browser session: the cookie secret (for the Set-Cookie header only) and the CSRF token. */
public record SessionGrant(Account account, String secret, String csrfToken, Instant expiresAt) {
}
