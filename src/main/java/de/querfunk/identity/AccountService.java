package de.querfunk.identity;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import de.querfunk.identity.IdentityEvents.AccessTokenCreated;
import de.querfunk.identity.IdentityEvents.AccessTokenRevoked;
import de.querfunk.identity.IdentityEvents.PasswordChanged;
import de.querfunk.identity.IdentityEvents.PersonJoined;
import de.querfunk.identity.IdentityEvents.PersonProfileChanged;
import de.querfunk.identity.IdentityEvents.SessionEnded;
import de.querfunk.identity.IdentityEvents.SessionStarted;
import de.querfunk.identity.persistence.AccessToken;
import de.querfunk.identity.persistence.AccessTokenRepository;
import de.querfunk.identity.persistence.Person;
import de.querfunk.identity.persistence.PersonRepository;
import de.querfunk.identity.persistence.PersonSession;
import de.querfunk.identity.persistence.PersonSessionRepository;
import de.querfunk.platform.events.EventLog;
import de.querfunk.platform.problem.ProblemException;

/**
 * A person's own account: first-administrator setup, sign-in and sign-out, profile, password,
 * sessions and access tokens.
 */
@ApplicationScoped
public class AccountService {

    static final String SETUP_COMPLETE = "/problems/setup-complete";
    static final String SETUP_TOKEN_INVALID = "/problems/setup-token-invalid";
    static final String LOGIN_FAILED = "/problems/login-failed";
    static final String USERNAME_TAKEN = "/problems/username-taken";
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,31}");
    /** Words the mention syntax gives a meaning of its own. */
    private static final Set<String> RESERVED_USERNAMES = Set.of("all", "here", "space", "channel", "everyone", "admin",
            "administrator", "system", "querfunk");

    private final PersonRepository people;
    private final PersonSessionRepository sessions;
    private final AccessTokenRepository tokens;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final LoginThrottle throttle;
    private final SetupToken setupToken;
    private final IdentityConfig config;
    private final CurrentPerson current;
    private final EventLog events;
    private final EntityManager em;

    AccountService(PersonRepository people, PersonSessionRepository sessions, AccessTokenRepository tokens,
            PasswordHasher hasher, PasswordPolicy policy, LoginThrottle throttle, SetupToken setupToken,
            IdentityConfig config, CurrentPerson current, EventLog events, EntityManager em) {
        this.people = people;
        this.sessions = sessions;
        this.tokens = tokens;
        this.hasher = hasher;
        this.policy = policy;
        this.throttle = throttle;
        this.setupToken = setupToken;
        this.config = config;
        this.current = current;
        this.events = events;
        this.em = em;
    }

    @Transactional
    public boolean setupRequired() {
        return people.countActiveAdministrators() == 0;
    }

    /** Creates the first administrator; only the holder of the setup token may, and only once. */
    @Transactional
    public SessionGrant setUp(String presentedToken, AccountDetails details, String userAgent) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('querfunk.setup'))").getSingleResult();
        if (people.countActiveAdministrators() > 0) {
            throw ProblemException.conflict(SETUP_COMPLETE, "This installation already has an administrator; sign in instead.");
        }
        if (!setupToken.matches(presentedToken)) {
            throw new ProblemException(403, SETUP_TOKEN_INVALID, "Setup token invalid",
                    "The setup token does not match the one the server wrote to its log at start.");
        }
        Person admin = createPerson(details, true);
        events.append(new PersonJoined(admin.id, admin.username, admin.displayName, true, null));
        setupToken.consume();
        return startSession(admin, userAgent);
    }

    /** Creates a person; used by setup and by accepted invitations. */
    Person createPerson(AccountDetails details, boolean administrator) {
        String username = details.username() == null ? "" : details.username().strip();
        if (!USERNAME.matcher(username.toLowerCase(Locale.ROOT)).matches()) {
            throw ProblemException.invalid("username",
                    "A username has 2 to 32 characters: letters a-z, digits, '.', '_' or '-', starting with a letter or digit.");
        }
        if (RESERVED_USERNAMES.contains(username.toLowerCase(Locale.ROOT))) {
            throw ProblemException.invalid("username", "'" + username + "' has a meaning of its own in mentions; choose another.");
        }
        if (people.usernameTaken(username)) {
            throw ProblemException.conflict(USERNAME_TAKEN, "The username '" + username + "' is taken.");
        }
        policy.check(details.password(), username);
        Person p = new Person();
        p.id = UUID.randomUUID();
        p.username = username;
        p.displayName = details.displayName().strip();
        p.email = details.email().strip();
        p.language = language(details.language());
        p.timeZone = timeZone(details.timeZone());
        p.passwordHash = hasher.hash(details.password());
        p.administrator = administrator;
        p.active = true;
        p.createdAt = Instant.now();
        p.updatedAt = p.createdAt;
        people.persist(p);
        return p;
    }

    /**
     * Signs in with username and password. Unknown usernames, wrong passwords and deactivated
     * accounts get the same answer in about the same time, and count towards the throttle alike.
     */
    @Transactional
    public SessionGrant login(String username, String password, String address, String userAgent) {
        throttle.checkAllowed(username, address);
        Person person = people.findByUsername(username == null ? "" : username.strip()).orElse(null);
        boolean valid = hasher.verify(password == null ? "" : password, person == null ? null : person.passwordHash);
        if (!valid || !person.active) {
            throttle.recordFailure(username, address);
            throw new ProblemException(401, LOGIN_FAILED, "Sign-in failed",
                    "Username or password is wrong, or the account is deactivated.");
        }
        throttle.recordSuccess(username);
        return startSession(person, userAgent);
    }

    /** Ends the browser session of this request; signing out twice is not an error. */
    @Transactional
    public void logout() {
        if (current.authentication().isEmpty()) {
            return;
        }
        Actor actor = current.require();
        current.authentication().map(Authentication::sessionId).ifPresent(sessionId -> {
            sessions.deleteById(sessionId);
            events.append(new SessionEnded(actor.id(), sessionId));
        });
    }

    @Transactional
    public Account me() {
        return Account.of(person(current.require()));
    }

    @Transactional
    public Account updateProfile(String displayName, String email, String language, String timeZone) {
        Person p = person(current.require());
        if (displayName != null) {
            p.displayName = displayName.strip();
        }
        if (email != null) {
            p.email = email.strip();
        }
        if (language != null) {
            p.language = language(language);
        }
        if (timeZone != null) {
            p.timeZone = timeZone(timeZone);
        }
        p.updatedAt = Instant.now();
        events.append(new PersonProfileChanged(p.id, p.displayName, p.email, p.language, p.timeZone));
        return Account.of(p);
    }

    /** Changes the password and ends every other session of the person. */
    @Transactional
    public void changePassword(String currentPassword, String newPassword) {
        Actor actor = current.require();
        Person p = person(actor);
        if (!hasher.verify(currentPassword == null ? "" : currentPassword, p.passwordHash)) {
            throw new ProblemException(400, "/problems/current-password-wrong", "Current password wrong",
                    "The current password is wrong.", List.of(new ProblemException.FieldError("currentPassword",
                            "The current password is wrong.")), java.util.Map.of());
        }
        policy.check(newPassword, p.username);
        p.passwordHash = hasher.hash(newPassword);
        p.updatedAt = Instant.now();
        UUID keep = current.authentication().map(Authentication::sessionId).orElse(null);
        long ended = keep == null ? sessions.deleteAllFor(p.id) : sessions.deleteOthers(p.id, keep);
        events.append(new PasswordChanged(p.id, (int) ended));
    }

    @Transactional
    public List<SessionInfo> sessions() {
        Actor actor = current.require();
        UUID mine = current.authentication().map(Authentication::sessionId).orElse(null);
        return sessions.listFor(actor.id(), Instant.now()).stream()
                .map(s -> new SessionInfo(s.id, s.id.equals(mine), s.userAgent, s.createdAt, s.lastSeenAt, s.expiresAt))
                .toList();
    }

    @Transactional
    public void endSession(UUID sessionId) {
        Actor actor = current.require();
        PersonSession s = sessions.findByIdOptional(sessionId).filter(x -> x.personId.equals(actor.id()))
                .orElseThrow(() -> ProblemException.notFound("You have no session with this id."));
        sessions.delete(s);
        events.append(new SessionEnded(actor.id(), s.id));
    }

    @Transactional
    public List<TokenInfo> tokens() {
        Actor actor = current.require();
        return tokens.listFor(actor.id()).stream()
                .map(t -> new TokenInfo(t.id, t.name, t.scope, t.createdAt, t.lastUsedAt, t.expiresAt, null)).toList();
    }

    /** Creates an access token; its secret is in this answer and nowhere else. */
    @Transactional
    public TokenInfo createToken(String name, String scope, Integer expiresInDays) {
        Actor actor = current.require();
        if (!"read".equals(scope) && !"write".equals(scope)) {
            throw ProblemException.invalid("scope", "scope is 'read' or 'write'.");
        }
        if (expiresInDays != null && (expiresInDays < 1 || expiresInDays > 3650)) {
            throw ProblemException.invalid("expiresInDays", "expiresInDays is between 1 and 3650, or absent for no expiry.");
        }
        String secret = Secrets.ACCESS_TOKEN_PREFIX + Secrets.newSecret();
        AccessToken t = new AccessToken();
        t.id = UUID.randomUUID();
        t.personId = actor.id();
        t.name = name.strip();
        t.scope = scope;
        t.tokenHash = Secrets.hash(secret);
        t.createdAt = Instant.now();
        t.expiresAt = expiresInDays == null ? null : t.createdAt.plus(expiresInDays, ChronoUnit.DAYS);
        tokens.persist(t);
        events.append(new AccessTokenCreated(actor.id(), t.id, t.scope));
        return new TokenInfo(t.id, t.name, t.scope, t.createdAt, null, t.expiresAt, secret);
    }

    @Transactional
    public void revokeToken(UUID tokenId) {
        Actor actor = current.require();
        AccessToken t = tokens.findByIdOptional(tokenId).filter(x -> x.personId.equals(actor.id()))
                .orElseThrow(() -> ProblemException.notFound("You have no access token with this id."));
        tokens.delete(t);
        events.append(new AccessTokenRevoked(actor.id(), t.id));
    }

    SessionGrant startSession(Person person, String userAgent) {
        String secret = Secrets.newSecret();
        PersonSession s = new PersonSession();
        s.id = UUID.randomUUID();
        s.personId = person.id;
        s.tokenHash = Secrets.hash(secret);
        s.csrfToken = Secrets.newSecret();
        s.userAgent = userAgent == null ? null : userAgent.substring(0, Math.min(300, userAgent.length()));
        s.createdAt = Instant.now();
        s.lastSeenAt = s.createdAt;
        s.expiresAt = s.createdAt.plus(config.sessionLifetime());
        sessions.persist(s);
        events.append(new SessionStarted(person.id, s.id));
        return new SessionGrant(Account.of(person), secret, s.csrfToken, s.expiresAt);
    }

    private Person person(Actor actor) {
        return people.findByIdOptional(actor.id()).orElseThrow(() -> ProblemException.unauthenticated("Sign in again."));
    }

    private static String language(String language) {
        if (language == null) {
            return "de";
        }
        if (!language.equals("de") && !language.equals("en")) {
            throw ProblemException.invalid("language", "language is 'de' or 'en'.");
        }
        return language;
    }

    private static String timeZone(String timeZone) {
        if (timeZone == null) {
            return "Europe/Berlin";
        }
        try {
            return ZoneId.of(timeZone).getId();
        } catch (RuntimeException e) {
            throw ProblemException.invalid("timeZone", "'" + timeZone + "' is not a time zone; use an IANA name such as Europe/Berlin.");
        }
    }
}
