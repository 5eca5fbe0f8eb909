package de.querfunk.search.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import de.querfunk.search.RebuildView;
import de.querfunk.search.SearchService;

/** Rebuilding the search index from the database, for administrators. */
@Path("/api/v1/admin/search/rebuild")
@Produces(MediaType.APPLICATION_JSON)
public class SearchAdminResource {

    private final SearchService search;

    SearchAdminResource(SearchService search) {
        this.search = search;
    }

    /** Starts a rebuild (202); the progress is at GET on the same path. */
    @POST
    public Response rebuild() {
        return Response.accepted(search.rebuild()).header("Location", "/api/v1/admin/search/rebuild").build();
    }

    @GET
    public RebuildView progress() {
        return search.rebuildProgress();
    }
}
