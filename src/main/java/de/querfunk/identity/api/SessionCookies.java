package de.querfunk.identity.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;

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
