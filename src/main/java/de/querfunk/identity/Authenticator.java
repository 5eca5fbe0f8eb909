package de.querfunk.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import de.querfunk.identity.persistence.AccessToken;
import de.querfunk.identity.persistence.AccessTokenRepository;
import de.querfunk.identity.persistence.Person;
import de.querfunk.identity.persistence.PersonRepository;
import de.querfunk.identity.persistence.PersonSession;
import de.querfunk.identity.persistence.PersonSessionRepository;

/**
 * Verifies a {@link Credential} against the stored sessions and tokens. Deactivated people,
 * expired sessions and revoked tokens fail. Used by {@link CurrentPerson} for REST requests and by
 * the realtime socket at its upgrade.
 */
@ApplicationScoped
public class Authenticator {

    /** Last-seen times are written at most this often, not on every request. */
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    private final PersonRepository people;
    private final PersonSessionRepository sessions;
    private final AccessTokenRepository tokens;

    Authenticator(PersonRepository people, PersonSessionRepository sessions, AccessTokenRepository tokens) {
        this.people = people;
        this.sessions = sessions;
        this.tokens = tokens;
    }

    @Transactional
    public Optional<Authentication> authenticate(Credential credential) {
        if (credential == null || credential.secret() == null || credential.secret().isBlank()
                || credential.secret().length() > 200) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        byte[] hash = Secrets.hash(credential.secret());
        if (credential.kind() == Credential.Kind.SESSION_COOKIE) {
            Optional<PersonSession> session = sessions.findValid(hash, now);
            return session.flatMap(s -> activePerson(s.personId).map(p -> {
                if (s.lastSeenAt.plus(TOUCH_INTERVAL).isBefore(now)) {
                    s.lastSeenAt = now;
                }
                return new Authentication(actor(p), Credential.Kind.SESSION_COOKIE, s.id, s.csrfToken, null, true);
            }));
        }
        Optional<AccessToken> token = tokens.findValid(hash, now);
        return token.flatMap(t -> activePerson(t.personId).map(p -> {
            if (t.lastUsedAt == null || t.lastUsedAt.plus(TOUCH_INTERVAL).isBefore(now)) {
                t.lastUsedAt = now;
            }
            return new Authentication(actor(p), Credential.Kind.BEARER_TOKEN, null, null, t.id, "write".equals(t.scope));
        }));
    }

    private Optional<Person> activePerson(java.util.UUID id) {
        return people.findByIdOptional(id).filter(p -> p.active);
    }

    static Actor actor(Person p) {
        return new Actor(p.id, p.username, p.displayName, p.administrator);
    }
}
