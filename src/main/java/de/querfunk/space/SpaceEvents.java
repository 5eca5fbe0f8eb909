package de.querfunk.space;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;

import de.querfunk.platform.events.DomainEvent;

/**
 * The domain events of spaces. {@code spaceId} is always present; {@code personId} is the member
 * concerned and {@code by} the person who acted (the member themselves for joining and leaving).
 */
public final class SpaceEvents {

    private SpaceEvents() {
    }

    /** Every space event goes to the space's stream: all of its members follow it live. */
    public interface SpaceEvent extends DomainEvent {

        UUID spaceId();

        @Override
        @JsonIgnore
        default String streamKey() {
            return "space:" + spaceId();
        }
    }

    public record SpaceCreated(UUID spaceId, String name, String description, SpaceKind kind, UUID by)
            implements SpaceEvent {
    }

    /** Name or description changed; carries both as they are now. */
    public record SpaceUpdated(UUID spaceId, String name, String description, String previousName, UUID by)
            implements SpaceEvent {
    }

    /** Who may read and post changed: consumers that cache readability must recompute it for this space. */
    public record SpaceKindChanged(UUID spaceId, SpaceKind previousKind, SpaceKind kind, UUID by) implements SpaceEvent {
    }

    public record SpaceArchived(UUID spaceId, UUID by) implements SpaceEvent {
    }

    public record SpaceUnarchived(UUID spaceId, UUID by) implements SpaceEvent {
    }

    /** A person joined by themselves, or created the space and became its first moderator. */
    public record MemberJoined(UUID spaceId, UUID personId, SpaceRole role, UUID by) implements SpaceEvent {
    }

    public record MemberLeft(UUID spaceId, UUID personId, SpaceRole role, UUID by) implements SpaceEvent {
    }

    /** A moderator added a person. */
    public record MemberAdded(UUID spaceId, UUID personId, SpaceRole role, UUID by) implements SpaceEvent {
    }

    /** A moderator removed a member. */
    public record MemberRemoved(UUID spaceId, UUID personId, SpaceRole role, UUID by) implements SpaceEvent {
    }

    public record MemberRoleChanged(UUID spaceId, UUID personId, SpaceRole previousRole, SpaceRole role, UUID by)
            implements SpaceEvent {
    }
}
