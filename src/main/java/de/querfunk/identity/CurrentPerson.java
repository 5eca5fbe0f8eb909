package de.querfunk.identity;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import de.querfunk.platform.problem.ProblemException;

/**
 * Who is calling, for services. The request filter only records the credential; services call
 * {@link #require()} first, which verifies it (once per request) and enforces CSRF protection for
 * browser sessions and the scope of access tokens on requests that change state.
 */
@RequestScoped
public class CurrentPerson {

    static final String CSRF_PROBLEM = "/problems/csrf-token-invalid";
    static final String SCOPE_PROBLEM = "/problems/insufficient-scope";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    Authenticator authenticator;

    private Credential credential;
    private String method = "GET";
    private String csrfHeader;
    private Authentication authentication;
    private boolean resolved;

    /** Called by the request filter with what the client presented. */
    public void present(Credential credential, String method, String csrfHeader) {
        this.credential = credential;
        this.method = method;
        this.csrfHeader = csrfHeader;
    }

    /**
     * For a long-lived connection that verified its credential itself (the realtime socket checks
     * it at the upgrade and again every minute, and is closed when it is revoked): the request
     * acts with {@code authentication} without looking the credential up again.
     */
    public void verified(Authentication authentication, String method, String csrfHeader) {
        this.authentication = authentication;
        this.resolved = true;
        this.method = method;
        this.csrfHeader = csrfHeader;
    }

    /** The authenticated person, or a 401/403 problem. */
    public Actor require() {
        Authentication auth = authentication()
                .orElseThrow(() -> ProblemException.unauthenticated(credential == null
                        ? "Sign in, or send a personal access token as 'Authorization: Bearer <token>'."
                        : "The session has ended or the token is no longer valid; sign in again."));
        if (!SAFE_METHODS.contains(method)) {
            if (auth.kind() == Credential.Kind.SESSION_COOKIE && !Secrets.constantTimeEquals(auth.csrfToken(), csrfHeader)) {
                throw new ProblemException(403, CSRF_PROBLEM, "CSRF token missing or wrong",
                        "Requests that change something must carry the session's CSRF token in the "
                                + Credential.CSRF_HEADER + " header.");
            }
            if (auth.kind() == Credential.Kind.BEARER_TOKEN && !auth.writeScope()) {
                throw new ProblemException(403, SCOPE_PROBLEM, "Token may only read",
                        "This access token has the read scope; create one with the write scope to change things.");
            }
        }
        return auth.actor();
    }

    public Actor requireAdministrator() {
        Actor actor = require();
        if (!actor.administrator()) {
            throw ProblemException.forbidden("Only administrators of this installation may do this.");
        }
        return actor;
    }

    /** The verified credential of this request, if any (the browser session's id, for instance). */
    public Optional<Authentication> authentication() {
        if (!resolved) {
            authentication = authenticator.authenticate(credential).orElse(null);
            resolved = true;
        }
        return Optional.ofNullable(authentication);
    }
}
