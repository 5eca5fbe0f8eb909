package de.querfunk.identity;

/** What a new person states about themselves at setup or when accepting an invitation. */
public record AccountDetails(String username, String displayName, String email, String password, String language,
        String timeZone) {
}
