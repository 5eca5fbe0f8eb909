package de.querfunk.identity.api;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import de.querfunk.identity.InvitationInfo;
import de.querfunk.identity.PeopleService;

/** Invitation links: administrators create and revoke them. */
@Path("/api/v1/invitations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InvitationsResource {

    private final PeopleService people;

    InvitationsResource(PeopleService people) {
        this.people = people;
    }

    @POST
    public Response invite(@Valid InvitationRequest request) {
        return Response.status(201).entity(people.invite(request == null ? null : request.email())).build();
    }

    @GET
    public List<InvitationInfo> open() {
        return people.openInvitations();
    }

    @DELETE
    @Path("/{id}")
    public Response revoke(@PathParam("id") UUID id) {
        people.revokeInvitation(id);
        return Response.noContent().build();
    }
}
