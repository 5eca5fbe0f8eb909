package de.querfunk.space.api;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import de.querfunk.space.SpaceInfo;
import de.querfunk.space.SpaceService;

/** The spaces the signed-in person belongs to, with their role in each. */
@Path("/api/v1/me/spaces")
@Produces(MediaType.APPLICATION_JSON)
public class MySpacesResource {

    private final SpaceService spaces;

    MySpacesResource(SpaceService spaces) {
        this.spaces = spaces;
    }

    @GET
    public List<SpaceInfo> mine() {
        return spaces.mySpaces();
    }
}
