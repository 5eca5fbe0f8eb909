/**
 * Search: one index over everything people write, in German and English, that finds for each person
 * exactly what they may read at that moment.
 *
 * <p>The index is derived data. It follows the event log ({@code index.SearchIndexer}): every
 * {@link de.querfunk.search.SearchDocumentSource} turns committed events into
 * {@link de.querfunk.search.IndexChange}s on {@link de.querfunk.search.SearchDocument}s, and the
 * event position is committed with the Lucene index itself. Documents carry an access key
 * ({@code space:<id>} or {@code conversation:<id>}); every query is filtered by the keys the person
 * may read then, so no permission is ever stored per person. Administrators rebuild the index from
 * PostgreSQL; a missing or damaged index is rebuilt at start while the server serves.
 *
 * <p>Owns the Lucene index (in {@code querfunk.search.index-dir}) and nothing in PostgreSQL.
 * Consumes {@code MessagePosted}, {@code MessageEdited}, {@code MessageDeleted} and
 * {@code ThreadUpdated} from chat; space membership and names, people and conversations are asked
 * for at query time. Publishes no events. Text analysis is in {@code search.analysis}, the query
 * syntax in {@code search.query.SearchQuery} and {@code docs/search.md}.
 */
package de.querfunk.search;
