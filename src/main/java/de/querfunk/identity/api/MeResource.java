package de.querfunk.identity.api;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import de.querfunk.identity.Account;
import de.querfunk.identity.AccountService;
import de.querfunk.identity.SessionInfo;
import de.querfunk.identity.TokenInfo;

/** The signed-in person's own account, sessions and access tokens. */
@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MeResource {

    private final AccountService accounts;

    MeResource(AccountService accounts) {
        this.accounts = accounts;
    }

    @GET
    public Account me() {
        return accounts.me();
    }

    @PATCH
    public Account updateProfile(@Valid @NotNull ProfileRequest request) {
        return accounts.updateProfile(request.displayName(), request.email(), request.language(), request.timeZone());
    }

    @PUT
    @Path("/password")
    public Response changePassword(@Valid @NotNull PasswordChangeRequest request) {
        accounts.changePassword(request.currentPassword(), request.newPassword());
        return Response.noContent().build();
    }

    @GET
    @Path("/sessions")
    public List<SessionInfo> sessions() {
        return accounts.sessions();
    }

    @DELETE
    @Path("/sessions/{id}")
    public Response endSession(@PathParam("id") UUID id) {
        accounts.endSession(id);
        return Response.noContent().build();
    }

    @GET
    @Path("/tokens")
    public List<TokenInfo> tokens() {
        return accounts.tokens();
    }

    @POST
    @Path("/tokens")
    public Response createToken(@Valid @NotNull TokenRequest request) {
        return Response.status(201).entity(accounts.createToken(request.name(), request.scope(), request.expiresInDays())).build();
    }

    @DELETE
    @Path("/tokens/{id}")
    public Response revokeToken(@PathParam("id") UUID id) {
        accounts.revokeToken(id);
        return Response.noContent().build();
    }
}
