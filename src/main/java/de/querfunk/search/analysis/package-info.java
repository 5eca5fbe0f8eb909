/**
 * Text analysis for the search index: how German and English text, and every text again in an
 * exact form, become index terms, and the same for queries.
 *
 * <p>{@link de.querfunk.search.analysis.SearchAnalyzers} is the entry point: the analyzer per field
 * ({@code text_de}, {@code text_en}, {@code text_exact}) for the index writer and for query
 * parsers. {@link de.querfunk.search.analysis.LanguageDetector} chooses a document's language field.
 * German compounds are split with the hyphenation grammar and subword dictionary that ship in the
 * jar ({@link de.querfunk.search.analysis.GermanCompounds}). See {@code docs/search-analysis.md}.
 */
package de.querfunk.search.analysis;
