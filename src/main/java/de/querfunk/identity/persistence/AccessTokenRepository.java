package de.querfunk.identity.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class AccessTokenRepository implements PanacheRepositoryBase<AccessToken, UUID> {

    public Optional<AccessToken> findValid(byte[] tokenHash, Instant now) {
        return find("tokenHash = ?1 and (expiresAt is null or expiresAt > ?2)", tokenHash, now).firstResultOptional();
    }

    public List<AccessToken> listFor(UUID personId) {
        return list("personId = ?1 order by createdAt desc", personId);
    }

    public long deleteAllFor(UUID personId) {
        return delete("personId", personId);
    }
}
