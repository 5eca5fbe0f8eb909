package de.querfunk.space.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import de.querfunk.space.SpaceKind;

@Entity
@Table(name = "space")
public class Space {

    @Id
    public UUID id;

    public String name;

    public String description;

    @Convert(converter = SpaceKindConverter.class)
    public SpaceKind kind;

    public boolean archived;

    @Column(name = "created_by")
    public UUID createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
