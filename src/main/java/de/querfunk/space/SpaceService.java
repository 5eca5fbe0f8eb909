package de.querfunk.space;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import de.querfunk.identity.Actor;
import de.querfunk.identity.CurrentPerson;
import de.querfunk.identity.People;
import de.querfunk.identity.PersonSummary;
import de.querfunk.platform.events.EventLog;
import de.querfunk.platform.problem.ProblemException;
import de.querfunk.platform.web.Cursors;
import de.querfunk.platform.web.PageView;
import de.querfunk.space.SpaceEvents.MemberAdded;
import de.querfunk.space.SpaceEvents.MemberJoined;
import de.querfunk.space.SpaceEvents.MemberLeft;
import de.querfunk.space.SpaceEvents.MemberRemoved;
import de.querfunk.space.SpaceEvents.MemberRoleChanged;
import de.querfunk.space.SpaceEvents.SpaceArchived;
import de.querfunk.space.SpaceEvents.SpaceCreated;
import de.querfunk.space.SpaceEvents.SpaceKindChanged;
import de.querfunk.space.SpaceEvents.SpaceUnarchived;
import de.querfunk.space.SpaceEvents.SpaceUpdated;
import de.querfunk.space.persistence.Space;
import de.querfunk.space.persistence.SpaceMember;
import de.querfunk.space.persistence.SpaceMemberRepository;
import de.querfunk.space.persistence.SpaceRepository;

/**
 * Spaces and their members: creating, finding, editing and archiving spaces, joining and leaving,
 * and what moderators do with members. Every permission comes from {@link SpaceAccess}.
 *
 * <p>Changes lock the space's row first and decide on what they read after the lock, so that
 * concurrent changes to one space happen one after another (two moderators demoting each other
 * cannot leave the space without a moderator).
 */
@ApplicationScoped
public class SpaceService {

    static final int NAME_MIN_LENGTH = 2;
    static final int NAME_MAX_LENGTH = 80;
    static final int DESCRIPTION_MAX_LENGTH = 2000;

    private final SpaceRepository spaces;
    private final SpaceMemberRepository members;
    private final SpaceAccess access;
    private final CurrentPerson current;
    private final People people;
    private final EventLog events;

    SpaceService(SpaceRepository spaces, SpaceMemberRepository members, SpaceAccess access, CurrentPerson current,
            People people, EventLog events) {
        this.spaces = spaces;
        this.members = members;
        this.access = access;
        this.current = current;
        this.people = people;
        this.events = events;
    }

    /** Creates a space; its creator becomes its first moderator. */
    @Transactional
    public SpaceInfo createSpace(String name, String description, SpaceKind kind) {
        Actor actor = current.require();
        String n = name(name);
        String d = description(description == null ? "" : description);
        if (kind == null) {
            throw ProblemException.invalid("kind", "kind is 'open', 'closed' or 'announcement'.");
        }
        requireNameFree(n, null);
        Instant now = now();
        Space space = new Space();
        space.id = UUID.randomUUID();
        space.name = n;
        space.description = d;
        space.kind = kind;
        space.archived = false;
        space.createdBy = actor.id();
        space.createdAt = now;
        space.updatedAt = now;
        // Flushed here so that a concurrent creation of the same name fails on the unique index now (409).
        spaces.persistAndFlush(space);
        SpaceMember moderator = member(space, actor.id(), SpaceRole.MODERATOR, now);
        members.persist(moderator);
        events.append(new SpaceCreated(space.id, space.name, space.description, space.kind, actor.id()));
        events.append(new MemberJoined(space.id, actor.id(), SpaceRole.MODERATOR, actor.id()));
        return info(access.standing(actor.id(), space), 1);
    }

    /** The spaces the caller may read, by name, optionally those whose name contains {@code query}. */
    @Transactional
    public PageView<SpaceInfo> browse(String query, String cursor, int limit) {
        Actor actor = current.require();
        String after = cursor == null ? null : Cursors.decode(cursor, 1).get(0);
        List<Space> page = spaces.browse(actor.id(), query, after, limit + 1);
        boolean more = page.size() > limit;
        List<SpaceInfo> items = infos(actor.id(), page.subList(0, Math.min(limit, page.size())));
        return new PageView<>(items, more ? Cursors.encode(items.get(items.size() - 1).name()) : null);
    }

    /** The spaces the caller is a member of, by name. */
    @Transactional
    public List<SpaceInfo> mySpaces() {
        Actor actor = current.require();
        return infos(actor.id(), spaces.memberOf(actor.id()));
    }

    @Transactional
    public SpaceInfo space(UUID spaceId) {
        Actor actor = current.require();
        Standing standing = access.readable(actor.id(), spaceId);
        return info(standing, members.countIn(spaceId));
    }

    /** Renames, describes or changes the kind of a space; absent values stay as they are. */
    @Transactional
    public SpaceInfo updateSpace(UUID spaceId, String name, String description, SpaceKind kind) {
        Actor actor = current.require();
        Standing standing = SpaceAccess.moderated(lockReadable(actor, spaceId));
        Space space = standing.space();
        requireNotArchived(space);
        String n = name == null ? space.name : name(name);
        String d = description == null ? space.description : description(description);
        if (!n.equals(space.name) || !d.equals(space.description)) {
            if (!n.equalsIgnoreCase(space.name)) {
                requireNameFree(n, space.id);
            }
            String previousName = space.name;
            space.name = n;
            space.description = d;
            space.updatedAt = now();
            spaces.flush();
            events.append(new SpaceUpdated(space.id, space.name, space.description, previousName, actor.id()));
        }
        if (kind != null && kind != space.kind) {
            SpaceKind previous = space.kind;
            space.kind = kind;
            space.updatedAt = now();
            events.append(new SpaceKindChanged(space.id, previous, kind, actor.id()));
        }
        return info(standing, members.countIn(space.id));
    }

    /** Makes a space read-only; archiving an archived space changes nothing. */
    @Transactional
    public SpaceInfo archiveSpace(UUID spaceId) {
        Actor actor = current.require();
        Standing standing = SpaceAccess.moderated(lockReadable(actor, spaceId));
        Space space = standing.space();
        if (!space.archived) {
            space.archived = true;
            space.updatedAt = now();
            events.append(new SpaceArchived(space.id, actor.id()));
        }
        return info(standing, members.countIn(space.id));
    }

    @Transactional
    public SpaceInfo unarchiveSpace(UUID spaceId) {
        Actor actor = current.require();
        Standing standing = SpaceAccess.moderated(lockReadable(actor, spaceId));
        Space space = standing.space();
        if (space.archived) {
            space.archived = false;
            space.updatedAt = now();
            events.append(new SpaceUnarchived(space.id, actor.id()));
        }
        return info(standing, members.countIn(space.id));
    }

    /** Joins an open or announcement space as a member; joining again changes nothing. */
    @Transactional
    public SpaceInfo join(UUID spaceId) {
        Actor actor = current.require();
        Standing standing = lockReadable(actor, spaceId);
        Space space = standing.space();
        if (!standing.isMember()) {
            if (!standing.canJoin()) {
                // Readable but not joinable: only archived spaces are (closed ones were a 404 above).
                throw SpaceProblems.archived(space.name);
            }
            members.persist(member(space, actor.id(), SpaceRole.MEMBER, now()));
            events.append(new MemberJoined(space.id, actor.id(), SpaceRole.MEMBER, actor.id()));
            standing = new Standing(space, SpaceRole.MEMBER);
        }
        return info(standing, members.countIn(space.id));
    }

    /** Leaves a space, archived or not; a member may always leave, except its last moderator. */
    @Transactional
    public void leave(UUID spaceId) {
        Actor actor = current.require();
        Standing standing = lockReadable(actor, spaceId);
        if (standing.isMember()) {
            removeMembership(standing.space(), actor.id(), actor.id());
        }
    }

    /** The members of a space the caller may read: moderators first, then in the order they joined. */
    @Transactional
    public PageView<MemberInfo> members(UUID spaceId, String cursor, int limit) {
        Actor actor = current.require();
        access.readable(actor.id(), spaceId);
        SpaceRole afterRole = null;
        Instant afterJoinedAt = null;
        UUID afterPerson = null;
        if (cursor != null) {
            List<String> fields = Cursors.decode(cursor, 3);
            try {
                afterRole = SpaceRole.fromWireName(fields.get(0));
                afterJoinedAt = Instant.parse(fields.get(1));
                afterPerson = UUID.fromString(fields.get(2));
            } catch (RuntimeException e) {
                throw ProblemException.invalid("cursor", "The cursor is not one this server issued; use nextCursor from the previous page.");
            }
        }
        List<SpaceMember> page = members.page(spaceId, afterRole, afterJoinedAt, afterPerson, limit + 1);
        boolean more = page.size() > limit;
        page = page.subList(0, Math.min(limit, page.size()));
        Map<UUID, PersonSummary> summaries = people.summaries(page.stream().map(m -> m.personId).toList());
        List<MemberInfo> items = page.stream().map(m -> memberInfo(m, summaries.get(m.personId))).toList();
        String next = null;
        if (more) {
            SpaceMember last = page.get(page.size() - 1);
            next = Cursors.encode(last.role.wireName(), last.joinedAt.toString(), last.personId.toString());
        }
        return new PageView<>(items, next);
    }

    /**
     * Adds a person with {@code role}, or gives a member {@code role}. Deactivated people can be
     * demoted and removed but neither added nor appointed.
     */
    @Transactional
    public MemberInfo putMember(UUID spaceId, UUID personId, SpaceRole role) {
        Actor actor = current.require();
        Standing standing = SpaceAccess.moderated(lockReadable(actor, spaceId));
        Space space = standing.space();
        requireNotArchived(space);
        if (role == null) {
            throw ProblemException.invalid("role", "role is 'member' or 'moderator'.");
        }
        PersonSummary person = people.find(personId)
                .orElseThrow(() -> ProblemException.notFound("No person has the id " + personId + "."));
        SpaceMember membership = members.find(space.id, personId).orElse(null);
        if (membership == null) {
            requireActive(person);
            membership = member(space, personId, role, now());
            members.persist(membership);
            events.append(new MemberAdded(space.id, personId, role, actor.id()));
        } else if (membership.role != role) {
            if (role == SpaceRole.MODERATOR) {
                requireActive(person);
            } else {
                requireAnotherModerator(space, personId);
            }
            SpaceRole previous = membership.role;
            membership.role = role;
            events.append(new MemberRoleChanged(space.id, personId, previous, role, actor.id()));
        }
        return memberInfo(membership, person);
    }

    /** Removes a member; removing oneself is leaving, which archived spaces allow too. */
    @Transactional
    public void removeMember(UUID spaceId, UUID personId) {
        Actor actor = current.require();
        Standing standing = SpaceAccess.moderated(lockReadable(actor, spaceId));
        Space space = standing.space();
        if (personId.equals(actor.id())) {
            removeMembership(space, actor.id(), actor.id());
            return;
        }
        requireNotArchived(space);
        if (members.find(space.id, personId).isPresent()) {
            removeMembership(space, personId, actor.id());
        }
    }

    private void removeMembership(Space space, UUID personId, UUID by) {
        SpaceMember membership = members.find(space.id, personId).orElseThrow();
        if (membership.role == SpaceRole.MODERATOR) {
            requireAnotherModerator(space, personId);
        }
        members.delete(membership);
        if (personId.equals(by)) {
            events.append(new MemberLeft(space.id, personId, membership.role, by));
        } else {
            events.append(new MemberRemoved(space.id, personId, membership.role, by));
        }
    }

    /**
     * The space locked for this transaction, with the caller's standing read after the lock, so
     * that the decision rests on what no one else can change until commit.
     */
    private Standing lockReadable(Actor actor, UUID spaceId) {
        Space space = spaces.lock(spaceId).orElseThrow(SpaceProblems::notFound);
        return access.readable(actor.id(), space);
    }

    /** A space keeps at least one moderator who can still sign in; deactivated ones do not count. */
    private void requireAnotherModerator(Space space, UUID leaving) {
        List<UUID> others = members.moderatorIds(space.id).stream().filter(id -> !id.equals(leaving)).toList();
        if (people.summaries(others).values().stream().noneMatch(PersonSummary::active)) {
            throw ProblemException.conflict(SpaceProblems.LAST_MODERATOR, "The space '" + space.name
                    + "' would be left without an active moderator; appoint another moderator first.");
        }
    }

    private void requireNameFree(String name, UUID except) {
        if (spaces.nameTaken(name, except)) {
            throw ProblemException.conflict(SpaceProblems.NAME_TAKEN,
                    "A space named '" + name + "' exists already; names are unique regardless of case.");
        }
    }

    private static void requireNotArchived(Space space) {
        if (space.archived) {
            throw SpaceProblems.archived(space.name);
        }
    }

    private static void requireActive(PersonSummary person) {
        if (!person.active()) {
            throw ProblemException.conflict(SpaceProblems.PERSON_DEACTIVATED,
                    person.username() + " is deactivated and can neither be added to a space nor become a moderator.");
        }
    }

    private List<SpaceInfo> infos(UUID personId, List<Space> page) {
        List<UUID> ids = page.stream().map(s -> s.id).toList();
        Map<UUID, SpaceRole> roles = members.rolesOf(personId, ids);
        Map<UUID, Long> counts = members.counts(ids);
        return page.stream().map(s -> info(new Standing(s, roles.get(s.id)), counts.getOrDefault(s.id, 0L))).toList();
    }

    private static SpaceInfo info(Standing standing, long memberCount) {
        Space s = standing.space();
        return new SpaceInfo(s.id, s.name, s.description, s.kind, s.archived, s.createdBy, s.createdAt, s.updatedAt,
                memberCount, standing.role(), standing.canPost(), standing.canModerate(), standing.canJoin());
    }

    private static MemberInfo memberInfo(SpaceMember m, PersonSummary person) {
        return person == null
                ? new MemberInfo(m.personId, null, null, false, m.role, m.joinedAt)
                : new MemberInfo(m.personId, person.username(), person.displayName(), person.active(), m.role, m.joinedAt);
    }

    private static SpaceMember member(Space space, UUID personId, SpaceRole role, Instant joinedAt) {
        SpaceMember m = new SpaceMember();
        m.spaceId = space.id;
        m.personId = personId;
        m.role = role;
        m.joinedAt = joinedAt;
        return m;
    }

    /** Names are trimmed; they have 2 to 80 characters and no control characters. */
    static String name(String raw) {
        String name = raw == null ? "" : raw.strip();
        int length = name.codePointCount(0, name.length());
        if (length < NAME_MIN_LENGTH || length > NAME_MAX_LENGTH || name.chars().anyMatch(Character::isISOControl)) {
            throw ProblemException.invalid("name", "A space name has " + NAME_MIN_LENGTH + " to " + NAME_MAX_LENGTH
                    + " characters (leading and trailing spaces are removed) and no line breaks or control characters.");
        }
        return name;
    }

    static String description(String raw) {
        String description = raw.strip();
        if (description.length() > DESCRIPTION_MAX_LENGTH) {
            throw ProblemException.invalid("description",
                    "A description has at most " + DESCRIPTION_MAX_LENGTH + " characters; this one has " + description.length() + ".");
        }
        return description;
    }

    /** PostgreSQL keeps microseconds; truncating here keeps the instant we return equal to the one stored. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
