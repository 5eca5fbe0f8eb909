package de.querfunk.search;

import java.util.List;

import de.querfunk.platform.events.RecordedEvent;

/**
 * Makes one kind of search document from a feature's data. Implementations are CDI beans in the
 * search feature: they read the owning feature's events and, for a rebuild, its stored data
 * through its root package; the owning feature never calls the index.
 *
 * <p>The index applies {@link #changes} to every committed event in log order and keeps its
 * position in the index commit, so a source must be a pure function of the event. A rebuild
 * empties the index, then walks {@link #documentsAfter} page by page while it keeps applying new
 * events between pages; because a page is read after every event before it has been applied, and
 * upserts and deletes are idempotent, index and database agree when the rebuild ends.
 */
public interface SearchDocumentSource {

    /** The kind of document this source makes; one source per kind. */
    DocumentKind kind();

    /** What {@code event} changes in the index; empty for events this source does not handle. */
    List<IndexChange> changes(RecordedEvent event);

    /** How many documents a rebuild will walk through, for its progress. */
    long count();

    /**
     * Up to {@code limit} documents after {@code cursor} (from the first when null), in a stable
     * order. Runs without a caller transaction: open one if the feature needs it.
     */
    Page documentsAfter(String cursor, int limit);

    /** One page of a rebuild; {@code nextCursor} is null on the last page. */
    record Page(List<SearchDocument> documents, String nextCursor) {
    }
}
