package de.querfunk.identity;

import java.util.UUID;

import de.querfunk.platform.events.DomainEvent;

/** The domain events of the identity feature. Secrets never appear in them. */
public final class IdentityEvents {

    private IdentityEvents() {
    }

    public record PersonJoined(UUID personId, String username, String displayName, boolean administrator,
            UUID invitationId) implements DomainEvent {
    }

    public record PersonProfileChanged(UUID personId, String displayName, String email, String language,
            String timeZone) implements DomainEvent {
        @Override
        public String streamKey() {
            return "person:" + personId;
        }
    }

    public record PasswordChanged(UUID personId, int otherSessionsEnded) implements DomainEvent {
        @Override
        public String streamKey() {
            return "person:" + personId;
        }
    }

    public record PersonDeactivated(UUID personId, UUID by) implements DomainEvent {
        @Override
        public String streamKey() {
            return "person:" + personId;
        }
    }

    public record PersonReactivated(UUID personId, UUID by) implements DomainEvent {
        @Override
        public String streamKey() {
            return "person:" + personId;
        }
    }

    public record SessionStarted(UUID personId, UUID sessionId) implements DomainEvent {
    }

    public record SessionEnded(UUID personId, UUID sessionId) implements DomainEvent {
        @Override
        public String streamKey() {
            return "person:" + personId;
        }
    }

    public record AccessTokenCreated(UUID personId, UUID tokenId, String scope) implements DomainEvent {
    }

    public record AccessTokenRevoked(UUID personId, UUID tokenId) implements DomainEvent {
    }

    public record InvitationCreated(UUID invitationId, UUID by) implements DomainEvent {
    }

    public record InvitationRevoked(UUID invitationId, UUID by) implements DomainEvent {
    }
}
