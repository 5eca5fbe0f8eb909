package de.querfunk.platform.web;

import de.querfunk.platform.problem.ProblemException;

/** Page-size rules shared by every list endpoint. */
public final class Paging {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    private Paging() {
    }

    public static int limit(Integer requested) {
        if (requested == null) {
            return DEFAULT_LIMIT;
        }
        if (requested < 1 || requested > MAX_LIMIT) {
            throw ProblemException.invalid("limit", "limit must be between 1 and " + MAX_LIMIT + "; it was " + requested + ".");
        }
        return requested;
    }
}
