package de.querfunk.search.analysis;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;

/**
 * The character folding every German-aware field shares, so that a subword dictionary, an exact
 * field and the analysed field agree on what a word looks like: ä→a, ö→o, ü→u, ß→ss, and "ae", "oe",
 * "ue" after a consonant to a, o, u (so {@code Mueller} and {@code Müller} meet at {@code muller}),
 * then any other accent to ASCII ({@code Café} → {@code cafe}). Input must already be lower case.
 */
final class Folding {

    private Folding() {
    }

    static TokenStream fold(TokenStream lowerCased) {
        return new ASCIIFoldingFilter(new GermanNormalizationFilter(lowerCased));
    }
}
