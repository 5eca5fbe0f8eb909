package de.querfunk.identity.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class PersonSessionRepository implements PanacheRepositoryBase<PersonSession, UUID> {

    public Optional<PersonSession> findValid(byte[] tokenHash, Instant now) {
        return find("tokenHash = ?1 and expiresAt > ?2", tokenHash, now).firstResultOptional();
    }

    public List<PersonSession> listFor(UUID personId, Instant now) {
        return list("personId = ?1 and expiresAt > ?2 order by lastSeenAt desc", personId, now);
    }

    public long deleteAllFor(UUID personId) {
        return delete("personId", personId);
    }

    public long deleteOthers(UUID personId, UUID keep) {
        return delete("personId = ?1 and id <> ?2", personId, keep);
    }

    public long deleteExpired(Instant now) {
        return delete("expiresAt <= ?1", now);
    }
}
