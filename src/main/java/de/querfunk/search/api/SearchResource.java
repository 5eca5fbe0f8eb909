package de.querfunk.search.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import de.querfunk.search.SearchResultsView;
import de.querfunk.search.SearchService;
import de.querfunk.search.SuggestionsView;

/** Search over everything the caller may read, and suggestions while they type. */
@Path("/api/v1/search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    private final SearchService search;

    SearchResource(SearchService search) {
        this.search = search;
    }

    /** {@code q} in the query syntax of docs/search.md; {@code sort} is relevance (default) or newest. */
    @GET
    public SearchResultsView search(@QueryParam("q") String q, @QueryParam("sort") String sort,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return search.search(q, sort, cursor, limit);
    }

    @GET
    @Path("/suggest")
    public SuggestionsView suggest(@QueryParam("q") String q) {
        return search.suggest(q);
    }
}
