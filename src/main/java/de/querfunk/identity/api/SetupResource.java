package de.querfunk.identity.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import de.querfunk.identity.AccountService;
import de.querfunk.identity.SessionGrant;

/** Creating the first administrator of a new installation with the setup token from the server log. */
@Path("/api/v1/setup")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SetupResource {

    private final AccountService accounts;
    private final SessionCookies cookies;

    SetupResource(AccountService accounts, SessionCookies cookies) {
        this.accounts = accounts;
        this.cookies = cookies;
    }

    @GET
    public SetupStatusView status() {
        return new SetupStatusView(accounts.setupRequired());
    }

    @POST
    public Response setUp(@Valid @NotNull SetupRequest request, @Context HttpHeaders headers) {
        SessionGrant grant = accounts.setUp(request.setupToken(), request.administrator().details(),
                SessionResource.userAgent(headers));
        return cookies.signedIn(grant);
    }
}
