package de.querfunk.search.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Words as written, only lower-cased and folded ({@code Straße} → {@code strasse}, {@code Müller}
 * and {@code Mueller} → {@code muller}, {@code Café} → {@code cafe}): no stop words, no stemming, no
 * compound splitting. Meant for the exact field ({@link SearchAnalyzers#TEXT_EXACT}), which is boosted
 * over the analysed field so that a document containing the very word, or the very phrase, ranks
 * above one that only matches through a stem or a subword. Used unchanged at index and query time,
 * for every language.
 */
public final class ExactAnalyzer extends Analyzer {

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        return new TokenStreamComponents(source, Folding.fold(new LowerCaseFilter(source)));
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return Folding.fold(new LowerCaseFilter(in));
    }
}
