/**
 * From what a person types to what they see: the query syntax
 * ({@link de.querfunk.search.query.SearchQuery}), its Lucene form
 * ({@link de.querfunk.search.query.QueryCompiler}), facet counts, snippets and word suggestions.
 */
package de.querfunk.search.query;
