package de.querfunk.space.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import de.querfunk.platform.web.PageView;
import de.querfunk.platform.web.Paging;
import de.querfunk.space.SpaceInfo;
import de.querfunk.space.SpaceKind;
import de.querfunk.space.SpaceService;

/** The directory of spaces: browse and search what one may read, and create new spaces. */
@Path("/api/v1/spaces")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SpacesResource {

    private final SpaceService spaces;

    SpacesResource(SpaceService spaces) {
        this.spaces = spaces;
    }

    @POST
    public Response create(@Valid @NotNull CreateSpaceRequest request) {
        SpaceInfo space = spaces.createSpace(request.name(), request.description(), SpaceKind.fromWireName(request.kind()));
        return Response.status(201).header("Location", "/api/v1/spaces/" + space.id()).entity(space).build();
    }

    @GET
    public PageView<SpaceInfo> browse(@QueryParam("query") String query, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        return spaces.browse(query, cursor, Paging.limit(limit));
    }
}
