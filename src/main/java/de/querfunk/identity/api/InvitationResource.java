package de.querfunk.identity.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import de.querfunk.identity.InvitationInfo;
import de.querfunk.identity.PeopleService;
import de.querfunk.identity.SessionGrant;

/** One invitation link, as the invited person uses it: check it, then create the account. */
@Path("/api/v1/invitations/by-token/{token}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InvitationResource {

    private final PeopleService people;
    private final SessionCookies cookies;

    InvitationResource(PeopleService people, SessionCookies cookies) {
        this.people = people;
        this.cookies = cookies;
    }

    @GET
    public InvitationInfo check(@PathParam("token") String token) {
        return people.checkInvitation(token);
    }

    @POST
    @Path("/accept")
    public Response accept(@PathParam("token") String token, @Valid @NotNull AccountRequest request,
            @Context HttpHeaders headers) {
        SessionGrant grant = people.acceptInvitation(token, request.details(), SessionResource.userAgent(headers));
        return cookies.signedIn(grant);
    }
}
