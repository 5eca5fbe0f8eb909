package de.querfunk.identity;

/**
 * What a client presented: the session cookie of a browser or a bearer token of an API client.
 * The realtime socket authenticates with the same two.
 */
public record Credential(Kind kind, String secret) {

    public static final String SESSION_COOKIE = "qf_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";

    public enum Kind {
        SESSION_COOKIE, BEARER_TOKEN
    }

    /** The credential of a request, preferring an explicit bearer token over a cookie; null if none. */
    public static Credential of(String authorizationHeader, String sessionCookie) {
        if (authorizationHeader != null && authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return new Credential(Kind.BEARER_TOKEN, authorizationHeader.substring(7).strip());
        }
        if (sessionCookie != null && !sessionCookie.isBlank()) {
            return new Credential(Kind.SESSION_COOKIE, sessionCookie);
        }
        return null;
    }
}
