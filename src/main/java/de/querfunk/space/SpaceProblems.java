package de.querfunk.space;

import de.querfunk.platform.problem.ProblemException;

/** The problem types of spaces. Clients and other features switch on these; never rename one. */
public final class SpaceProblems {

    /** 409: a space with this name exists already, regardless of case. */
    public static final String NAME_TAKEN = "/problems/space-name-taken";
    /** 409: the space is archived, so it is read-only: no joining, posting or membership changes except leaving. */
    public static final String ARCHIVED = "/problems/space-archived";
    /** 403: announcement spaces take posts from their moderators only. */
    public static final String READ_ONLY = "/problems/space-read-only";
    /** 403: only members post; join the space first. */
    public static final String MEMBERSHIP_REQUIRED = "/problems/space-membership-required";
    /** 403: only the space's moderators may do this. */
    public static final String MODERATOR_REQUIRED = "/problems/space-moderator-required";
    /** 409: the change would leave the space without an active moderator. */
    public static final String LAST_MODERATOR = "/problems/last-moderator";
    /** 409: deactivated people cannot join spaces or become moderators. */
    public static final String PERSON_DEACTIVATED = "/problems/person-deactivated";

    private SpaceProblems() {
    }

    /**
     * The one answer for a space that does not exist and for a closed space the caller is not a
     * member of, so that nobody learns a closed space exists by probing ids.
     */
    static ProblemException notFound() {
        return ProblemException.notFound("No space with this id exists, or it is closed and you are not a member.");
    }

    static ProblemException archived(String spaceName) {
        return ProblemException.conflict(ARCHIVED,
                "The space '" + spaceName + "' is archived and read-only; a moderator can unarchive it.");
    }
}
