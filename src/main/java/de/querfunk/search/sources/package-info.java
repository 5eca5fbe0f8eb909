/**
 * One {@link de.querfunk.search.SearchDocumentSource} per kind of document, mapping the owning
 * feature's events and stored data to search documents; the owning features never call the index.
 */
package de.querfunk.search.sources;
