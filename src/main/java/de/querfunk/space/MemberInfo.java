package de.querfunk.space;

import java.time.Instant;
import java.util.UUID;

/** A member of a space with what the member list shows of them. */
public record MemberInfo(UUID personId, String username, String displayName, boolean active, SpaceRole role,
        Instant joinedAt) {
}
