package de.querfunk.identity.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "access_token")
public class AccessToken {

    @Id
    public UUID id;

    @Column(name = "person_id")
    public UUID personId;

    public String name;

    @Column(name = "token_hash")
    public byte[] tokenHash;

    public String scope;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    @Column(name = "expires_at")
    public Instant expiresAt;
}
