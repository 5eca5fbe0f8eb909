package de.querfunk.space.persistence;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import de.querfunk.space.SpaceRole;

/** One person's membership in one space. */
@Entity
@Table(name = "space_member")
@IdClass(SpaceMember.Key.class)
public class SpaceMember {

    @Id
    @Column(name = "space_id")
    public UUID spaceId;

    @Id
    @Column(name = "person_id")
    public UUID personId;

    @Convert(converter = SpaceRoleConverter.class)
    public SpaceRole role;

    @Column(name = "joined_at")
    public Instant joinedAt;

    public static class Key implements Serializable {

        public UUID spaceId;
        public UUID personId;

        public Key() {
        }

        public Key(UUID spaceId, UUID personId) {
            this.spaceId = spaceId;
            this.personId = personId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(spaceId, k.spaceId) && Objects.equals(personId, k.personId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(spaceId, personId);
        }
    }
}
