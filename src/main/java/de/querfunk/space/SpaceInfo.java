package de.querfunk.space;

import java.time.Instant;
import java.util.UUID;

/**
 * A space as one person sees it: {@code myRole} is null when they are not a member, and the
 * {@code can*} flags say what {@link SpaceAccess} allows them, so clients need no rules of their own.
 */
public record SpaceInfo(UUID id, String name, String description, SpaceKind kind, boolean archived, UUID createdBy,
        Instant createdAt, Instant updatedAt, long memberCount, SpaceRole myRole, boolean canPost, boolean canModerate,
        boolean canJoin) {
}
