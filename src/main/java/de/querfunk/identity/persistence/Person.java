package de.querfunk.identity.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "person")
public class Person {

    @Id
    public UUID id;

    public String username;

    @Column(name = "display_name")
    public String displayName;

    public String email;

    public String language;

    @Column(name = "time_zone")
    public String timeZone;

    @Column(name = "password_hash")
    public String passwordHash;

    public boolean administrator;

    public boolean active;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
