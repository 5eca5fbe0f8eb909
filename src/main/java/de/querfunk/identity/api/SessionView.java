package de.querfunk.identity.api;

import java.time.Instant;

import de.querfunk.identity.Account;

/** The signed-in person and the CSRF token to send as X-CSRF-Token with every changing request. */
public record SessionView(Account person, String csrfToken, Instant expiresAt) {
}
