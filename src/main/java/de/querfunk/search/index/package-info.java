/**
 * The Lucene index and its upkeep: {@link de.querfunk.search.index.SearchIndex} owns the one
 * IndexWriter and the SearcherManager of this process and carries the indexer's state in its
 * commits; {@link de.querfunk.search.index.SearchIndexer} follows the event log and rebuilds;
 * {@link de.querfunk.search.index.SearchHealth} is the {@code search} readiness check.
 */
package de.querfunk.search.index;
