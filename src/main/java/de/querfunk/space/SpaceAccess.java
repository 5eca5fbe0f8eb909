package de.querfunk.space;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import de.querfunk.platform.problem.ProblemException;
import de.querfunk.space.persistence.Space;
import de.querfunk.space.persistence.SpaceMemberRepository;
import de.querfunk.space.persistence.SpaceRepository;

/**
 * Who may read, post in and moderate which space: the one authorization entry point for every
 * feature that keeps content in spaces (chat, forum, wiki, files, polls, stream, search).
 *
 * <ul>
 * <li>Read: open and announcement spaces, everyone; closed spaces, their members. Archived spaces
 * stay readable.</li>
 * <li>Post: members of a space that is not archived; in announcement spaces only moderators.</li>
 * <li>Moderate: the space's moderators, archived or not (they are the ones who unarchive).</li>
 * </ul>
 *
 * A closed space a person cannot read does not exist for them: {@code require*} answers exactly
 * the 404 an unknown id gets. Instance administrators have no special rights here.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SpaceAccess {

    private final SpaceRepository spaces;
    private final SpaceMemberRepository members;

    SpaceAccess(SpaceRepository spaces, SpaceMemberRepository members) {
        this.spaces = spaces;
        this.members = members;
    }

    public boolean canRead(UUID personId, UUID spaceId) {
        return standing(personId, spaceId).map(Standing::canRead).orElse(false);
    }

    public boolean canPost(UUID personId, UUID spaceId) {
        return standing(personId, spaceId).map(Standing::canPost).orElse(false);
    }

    public boolean canModerate(UUID personId, UUID spaceId) {
        return standing(personId, spaceId).map(Standing::canModerate).orElse(false);
    }

    /** Throws the 404 of an unknown id unless {@code personId} may read the space. */
    public void requireRead(UUID personId, UUID spaceId) {
        readable(personId, spaceId);
    }

    /**
     * Throws unless {@code personId} may post: 404 as {@link #requireRead}, 409
     * {@link SpaceProblems#ARCHIVED} for archived spaces, 403 {@link SpaceProblems#READ_ONLY} for
     * announcement spaces they do not moderate, 403 {@link SpaceProblems#MEMBERSHIP_REQUIRED}
     * when they have not joined.
     */
    public void requirePost(UUID personId, UUID spaceId) {
        Standing standing = readable(personId, spaceId);
        if (standing.canPost()) {
            return;
        }
        if (standing.space().archived) {
            throw SpaceProblems.archived(standing.space().name);
        }
        if (standing.space().kind == SpaceKind.ANNOUNCEMENT) {
            throw new ProblemException(403, SpaceProblems.READ_ONLY, "Space is read-only",
                    "Only the moderators of the announcement space '" + standing.space().name + "' post in it.");
        }
        throw new ProblemException(403, SpaceProblems.MEMBERSHIP_REQUIRED, "Membership required",
                "Join the space '" + standing.space().name + "' to post in it.");
    }

    /** Throws unless {@code personId} moderates the space: 404 as {@link #requireRead}, else 403 {@link SpaceProblems#MODERATOR_REQUIRED}. */
    public void requireModerate(UUID personId, UUID spaceId) {
        moderated(readable(personId, spaceId));
    }

    /** Every space {@code personId} may read: all open and announcement spaces and the closed ones they belong to. */
    public Set<UUID> readableSpaceIds(UUID personId) {
        return Set.copyOf(spaces.readableIds(personId));
    }

    /**
     * The name of every space {@code personId} may read, by id: the same spaces as
     * {@link #readableSpaceIds}, for features that show or match space names (search's {@code in:}).
     */
    public Map<UUID, String> readableSpaceNames(UUID personId) {
        Map<UUID, String> names = new HashMap<>();
        for (Object[] row : spaces.readableNames(personId)) {
            names.put((UUID) row[0], (String) row[1]);
        }
        return Map.copyOf(names);
    }

    /** The spaces {@code personId} is a member of (whose content reaches them live and in their lists). */
    public Set<UUID> memberSpaceIds(UUID personId) {
        return Set.copyOf(members.spaceIdsOf(personId));
    }

    /** The members of a space, for features that notify all of them (an {@code @space} mention, say). */
    public Set<UUID> memberIds(UUID spaceId) {
        return Set.copyOf(members.memberIds(spaceId));
    }

    Optional<Standing> standing(UUID personId, UUID spaceId) {
        if (spaceId == null) {
            return Optional.empty();
        }
        return spaces.findByIdOptional(spaceId).map(space -> standing(personId, space));
    }

    Standing standing(UUID personId, Space space) {
        return new Standing(space, members.find(space.id, personId).map(m -> m.role).orElse(null));
    }

    Standing readable(UUID personId, UUID spaceId) {
        return standing(personId, spaceId).filter(Standing::canRead).orElseThrow(SpaceProblems::notFound);
    }

    /** For a space the caller has loaded (and usually locked) already. */
    Standing readable(UUID personId, Space space) {
        Standing standing = standing(personId, space);
        if (!standing.canRead()) {
            throw SpaceProblems.notFound();
        }
        return standing;
    }

    static Standing moderated(Standing standing) {
        if (!standing.canModerate()) {
            throw new ProblemException(403, SpaceProblems.MODERATOR_REQUIRED, "Moderators only",
                    "Only the moderators of the space '" + standing.space().name + "' may do this.");
        }
        return standing;
    }
}
