package de.querfunk.space.api;

/** The rules request records share; the service checks the same rules again for its other callers. */
final class SpaceRequests {

    /** 2 to 80 characters once leading and trailing white space is removed, no control characters. */
    static final String NAME = "(?U)\\s*[^\\s\\p{Cntrl}][^\\p{Cntrl}]{0,78}[^\\s\\p{Cntrl}]\\s*";
    static final String NAME_MESSAGE = "must have 2 to 80 characters besides leading and trailing spaces, and no line breaks";
    static final String KIND = "open|closed|announcement";
    static final String KIND_MESSAGE = "must be 'open', 'closed' or 'announcement'";

    private SpaceRequests() {
    }
}
