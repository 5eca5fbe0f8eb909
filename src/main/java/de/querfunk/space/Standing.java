package de.querfunk.space;

import de.querfunk.space.persistence.Space;

/**
 * One person's position towards one space: the space and their role in it (null when not a
 * member). The permission rules of spaces live here and nowhere else.
 */
record Standing(Space space, SpaceRole role) {

    boolean isMember() {
        return role != null;
    }

    boolean canRead() {
        return space.kind != SpaceKind.CLOSED || isMember();
    }

    boolean canPost() {
        return isMember() && !space.archived && (space.kind != SpaceKind.ANNOUNCEMENT || canModerate());
    }

    boolean canModerate() {
        return role == SpaceRole.MODERATOR;
    }

    /** Closed spaces are joined only by being added; archived ones not at all. */
    boolean canJoin() {
        return !isMember() && space.kind != SpaceKind.CLOSED && !space.archived;
    }
}
