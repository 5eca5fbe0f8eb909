package de.querfunk.search;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import de.querfunk.identity.PersonSummary;

/**
 * One page of search results. {@code total} and {@code facets} count every match the person may
 * read, not just this page; {@code nextCursor} is absent on the last page.
 */
public record SearchResultsView(List<Hit> items, long total, Facets facets, String nextCursor) {

    /**
     * One result. {@code snippet} is HTML whose only element is {@code <mark>}; everything else in it
     * is escaped text. {@code permalink} is the item in the API, {@code webPath} in the web client.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Hit(DocumentKind type, UUID id, UUID conversationId, UUID spaceId, String spaceName,
            PersonSummary author, Instant createdAt, String snippet, boolean thread, String language, String permalink,
            String webPath) {
    }

    public record Facets(List<TypeCount> types, List<SpaceCount> spaces) {
    }

    public record TypeCount(DocumentKind type, long count) {
    }

    public record SpaceCount(UUID id, String name, long count) {
    }
}
