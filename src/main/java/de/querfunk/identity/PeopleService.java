package de.querfunk.identity;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import de.querfunk.identity.IdentityEvents.InvitationCreated;
import de.querfunk.identity.IdentityEvents.InvitationRevoked;
import de.querfunk.identity.IdentityEvents.PersonDeactivated;
import de.querfunk.identity.IdentityEvents.PersonJoined;
import de.querfunk.identity.IdentityEvents.PersonReactivated;
import de.querfunk.identity.persistence.AccessTokenRepository;
import de.querfunk.identity.persistence.Invitation;
import de.querfunk.identity.persistence.InvitationRepository;
import de.querfunk.identity.persistence.Person;
import de.querfunk.identity.persistence.PersonRepository;
import de.querfunk.identity.persistence.PersonSessionRepository;
import de.querfunk.platform.events.EventLog;
import de.querfunk.platform.problem.ProblemException;
import de.querfunk.platform.web.Cursors;
import de.querfunk.platform.web.PageView;

/**
 * The directory of people and what administrators do with it: invite by link, deactivate and
 * reactivate. Administrators are the only distinction between people; there is no org chart.
 */
@ApplicationScoped
public class PeopleService {

    static final String INVITATION_EXPIRED = "/problems/invitation-expired";
    static final String INVITATION_USED = "/problems/invitation-used";
    static final String LAST_ADMINISTRATOR = "/problems/last-administrator";

    private final PersonRepository people;
    private final PersonSessionRepository sessions;
    private final AccessTokenRepository tokens;
    private final InvitationRepository invitations;
    private final AccountService accounts;
    private final CurrentPerson current;
    private final IdentityConfig config;
    private final EventLog events;
    private final String publicUrl;

    PeopleService(PersonRepository people, PersonSessionRepository sessions, AccessTokenRepository tokens,
            InvitationRepository invitations, AccountService accounts, CurrentPerson current, IdentityConfig config,
            EventLog events, @org.eclipse.microprofile.config.inject.ConfigProperty(name = "querfunk.public-url") String publicUrl) {
        this.people = people;
        this.sessions = sessions;
        this.tokens = tokens;
        this.invitations = invitations;
        this.accounts = accounts;
        this.current = current;
        this.config = config;
        this.events = events;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    /** Everyone may look people up (to mention or add them); administrators also see deactivated ones. */
    @Transactional
    public PageView<Account> list(String query, String cursor, int limit, boolean includeDeactivated) {
        Actor actor = current.require();
        boolean all = includeDeactivated && actor.administrator();
        String after = cursor == null ? null : Cursors.decode(cursor, 1).get(0);
        String q = query == null || query.isBlank() ? null : query.strip();
        List<Person> page = people.page(q, after, all, limit + 1);
        boolean more = page.size() > limit;
        List<Account> items = page.stream().limit(limit).map(Account::of).toList();
        String next = more ? Cursors.encode(items.get(items.size() - 1).username().toLowerCase(Locale.ROOT)) : null;
        return new PageView<>(items, next);
    }

    @Transactional
    public Account get(UUID id) {
        current.require();
        return people.findByIdOptional(id).map(Account::of)
                .orElseThrow(() -> ProblemException.notFound("No person has this id."));
    }

    @Transactional
    public InvitationInfo invite(String email) {
        Actor admin = current.requireAdministrator();
        String secret = Secrets.newSecret();
        Invitation i = new Invitation();
        i.id = UUID.randomUUID();
        i.tokenHash = Secrets.hash(secret);
        i.email = email == null || email.isBlank() ? null : email.strip();
        i.createdBy = admin.id();
        i.createdAt = Instant.now();
        i.expiresAt = i.createdAt.plus(config.invitationLifetime());
        invitations.persist(i);
        events.append(new InvitationCreated(i.id, admin.id()));
        return new InvitationInfo(i.id, i.email, i.createdAt, i.expiresAt, secret, publicUrl + "/invite/" + secret);
    }

    @Transactional
    public List<InvitationInfo> openInvitations() {
        current.requireAdministrator();
        return invitations.listOpen().stream()
                .map(i -> new InvitationInfo(i.id, i.email, i.createdAt, i.expiresAt, null, null)).toList();
    }

    @Transactional
    public void revokeInvitation(UUID id) {
        Actor admin = current.requireAdministrator();
        Invitation i = invitations.findByIdOptional(id).filter(x -> x.usedAt == null)
                .orElseThrow(() -> ProblemException.notFound("No open invitation has this id."));
        invitations.delete(i);
        events.append(new InvitationRevoked(i.id, admin.id()));
    }

    /** What the invitation link shows before anyone signs up with it. */
    @Transactional
    public InvitationInfo checkInvitation(String token) {
        Invitation i = usable(invitations.findByTokenHash(Secrets.hash(token)).orElse(null));
        return new InvitationInfo(i.id, i.email, i.createdAt, i.expiresAt, null, null);
    }

    /** Creates the invited person and signs them in; each link works once. */
    @Transactional
    public SessionGrant acceptInvitation(String token, AccountDetails details, String userAgent) {
        Invitation i = usable(invitations.lockByTokenHash(Secrets.hash(token)).orElse(null));
        Person p = accounts.createPerson(details, false);
        i.usedAt = Instant.now();
        i.usedBy = p.id;
        events.append(new PersonJoined(p.id, p.username, p.displayName, false, i.id));
        return accounts.startSession(p, userAgent);
    }

    /** Deactivates a person and ends all of their sessions and access tokens at once. */
    @Transactional
    public Account deactivate(UUID id) {
        Actor admin = current.requireAdministrator();
        Person p = people.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("No person has this id."));
        if (!p.active) {
            return Account.of(p);
        }
        if (p.administrator && people.countActiveAdministrators() <= 1) {
            throw ProblemException.conflict(LAST_ADMINISTRATOR,
                    "This is the last active administrator; make someone else an administrator first.");
        }
        p.active = false;
        p.updatedAt = Instant.now();
        sessions.deleteAllFor(p.id);
        tokens.deleteAllFor(p.id);
        events.append(new PersonDeactivated(p.id, admin.id()));
        return Account.of(p);
    }

    @Transactional
    public Account reactivate(UUID id) {
        Actor admin = current.requireAdministrator();
        Person p = people.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("No person has this id."));
        if (!p.active) {
            p.active = true;
            p.updatedAt = Instant.now();
            events.append(new PersonReactivated(p.id, admin.id()));
        }
        return Account.of(p);
    }

    private static Invitation usable(Invitation i) {
        if (i == null) {
            throw ProblemException.notFound("This invitation link is not valid; ask an administrator for a new one.");
        }
        if (i.usedAt != null) {
            throw new ProblemException(410, INVITATION_USED, "Invitation used",
                    "This invitation link has been used already; each link works once.");
        }
        if (i.expiresAt.isBefore(Instant.now())) {
            throw new ProblemException(410, INVITATION_EXPIRED, "Invitation expired",
                    "This invitation link expired at " + i.expiresAt + "; ask an administrator for a new one.");
        }
        return i;
    }
}
