package de.querfunk.platform.problem;

/**
 * The stable problem types of the API. Clients switch on these; never rename one.
 * Feature-specific types live with their feature and follow the same {@code /problems/...} form.
 */
public final class Problems {

    public static final String VALIDATION = "/problems/validation";
    public static final String MALFORMED_JSON = "/problems/malformed-json";
    public static final String UNAUTHENTICATED = "/problems/unauthenticated";
    public static final String FORBIDDEN = "/problems/forbidden";
    public static final String NOT_FOUND = "/problems/not-found";
    public static final String METHOD_NOT_ALLOWED = "/problems/method-not-allowed";
    public static final String NOT_ACCEPTABLE = "/problems/not-acceptable";
    public static final String UNSUPPORTED_MEDIA_TYPE = "/problems/unsupported-media-type";
    public static final String CONFLICT = "/problems/conflict";
    public static final String PAYLOAD_TOO_LARGE = "/problems/payload-too-large";
    public static final String TOO_MANY_REQUESTS = "/problems/too-many-requests";
    public static final String INTERNAL = "/problems/internal";
    public static final String BAD_REQUEST = "/problems/bad-request";

    private Problems() {
    }
}
