package de.querfunk.identity.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import de.querfunk.identity.Credential;
import de.querfunk.identity.IdentityConfig;
import de.querfunk.identity.SessionGrant;

/** The session cookie: HttpOnly, SameSite=Lax and Secure (unless configured off for plain-http development). */
@ApplicationScoped
class SessionCookies {

    private final IdentityConfig config;

    SessionCookies(IdentityConfig config) {
        this.config = config;
    }

    /** The 201 answer to a sign-in, setup or accepted invitation: the cookie and the session's CSRF token. */
    Response signedIn(SessionGrant grant) {
        return Response.status(201).cookie(issue(grant))
                .entity(new SessionView(grant.account(), grant.csrfToken(), grant.expiresAt())).build();
    }

    NewCookie issue(SessionGrant grant) {
        return base().value(grant.secret()).maxAge((int) config.sessionLifetime().toSeconds()).build();
    }

    NewCookie clear() {
        return base().value("").maxAge(0).build();
    }

    private NewCookie.Builder base() {
        return new NewCookie.Builder(Credential.SESSION_COOKIE).path("/").httpOnly(true).secure(config.secureCookie())
                .sameSite(NewCookie.SameSite.LAX);
    }
}
