package de.querfunk.identity.api;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import de.querfunk.identity.Account;
import de.querfunk.identity.PeopleService;
import de.querfunk.platform.web.PageView;
import de.querfunk.platform.web.Paging;

/** The directory of people, and what administrators do with a person. */
@Path("/api/v1/people")
@Produces(MediaType.APPLICATION_JSON)
public class PeopleResource {

    private final PeopleService people;

    PeopleResource(PeopleService people) {
        this.people = people;
    }

    @GET
    public PageView<Account> list(@QueryParam("query") String query, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit, @QueryParam("includeDeactivated") boolean includeDeactivated) {
        return people.list(query, cursor, Paging.limit(limit), includeDeactivated);
    }

    @GET
    @Path("/{id}")
    public Account get(@PathParam("id") UUID id) {
        return people.get(id);
    }

    @POST
    @Path("/{id}/deactivate")
    public Account deactivate(@PathParam("id") UUID id) {
        return people.deactivate(id);
    }

    @POST
    @Path("/{id}/reactivate")
    public Account reactivate(@PathParam("id") UUID id) {
        return people.reactivate(id);
    }
}
