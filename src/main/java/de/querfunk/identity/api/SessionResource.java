package de.querfunk.identity.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import de.querfunk.identity.AccountService;
import de.querfunk.identity.Authentication;
import de.querfunk.identity.CurrentPerson;
import de.querfunk.identity.SessionGrant;
import de.querfunk.platform.problem.ProblemException;
import io.vertx.core.http.HttpServerRequest;

/** Sign-in and sign-out of browsers. */
@Path("/api/v1/session")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SessionResource {

    private final AccountService accounts;
    private final CurrentPerson current;
    private final SessionCookies cookies;

    SessionResource(AccountService accounts, CurrentPerson current, SessionCookies cookies) {
        this.accounts = accounts;
        this.current = current;
        this.cookies = cookies;
    }

    @POST
    public Response login(@Valid @NotNull LoginRequest request, @Context HttpServerRequest http, @Context HttpHeaders headers) {
        SessionGrant grant = accounts.login(request.username(), request.password(), http.remoteAddress().hostAddress(),
                headers.getHeaderString(HttpHeaders.USER_AGENT));
        return cookies.signedIn(grant);
    }

    /** The current browser session with its CSRF token, for a client that reloads. */
    @GET
    public SessionView current() {
        var account = accounts.me();
        Authentication auth = current.authentication().orElseThrow();
        if (auth.sessionId() == null) {
            throw ProblemException.notFound("Access tokens have no browser session; GET /api/v1/me describes the account.");
        }
        return new SessionView(account, auth.csrfToken(), null);
    }

    @DELETE
    public Response logout() {
        accounts.logout();
        return Response.noContent().cookie(cookies.clear()).build();
    }

    static String userAgent(HttpHeaders headers) {
        return headers.getHeaderString(HttpHeaders.USER_AGENT);
    }
}
