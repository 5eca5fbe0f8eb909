package de.querfunk.identity;

import java.time.Instant;
import java.util.UUID;

import de.querfunk.identity.persistence.Person;

/** A person's account as they and administrators see it. */
public record Account(UUID id, String username, String displayName, String email, String language, String timeZone,
        boolean administrator, boolean active, Instant createdAt) {

    static Account of(Person p) {
        return new Account(p.id, p.username, p.displayName, p.email, p.language, p.timeZone, p.administrator, p.active,
                p.createdAt);
    }
}
