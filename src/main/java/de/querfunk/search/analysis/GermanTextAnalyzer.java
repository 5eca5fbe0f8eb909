package de.querfunk.search.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.RemoveDuplicatesTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * German text: standard tokenizer, lower case, German stop words, optionally compound splitting,
 * folding ({@code Straße} → {@code strasse}, {@code Müller}/{@code Mueller} → {@code muller}), then
 * light stemming ({@code Kunden} → {@code kund}). Splitting comes before folding because the
 * hyphenation patterns it relies on are made for words spelled with umlauts.
 *
 * <p>Splitting adds the subwords of a compound at the compound's position and keeps the compound
 * itself: {@code Vertragskündigungsbestätigung} is indexed as itself and as {@code vertrag},
 * {@code kundigung}, {@code bestatigung}, so a search for "Kündigung" finds it.
 *
 * <p>Index with {@link #withCompoundSplitting(GermanCompounds)}. For queries, prefer
 * {@link #withoutCompoundSplitting()}: a query for "Kündigung" then matches the subword indexed
 * for "Vertragskündigungsbestätigung", while a query for "Vertragskündigung" stays as precise as
 * typed instead of turning into "Vertrag OR Kündigung" (Lucene's query parser ORs tokens at the
 * same position). Splitting at query time too is supported and tested; it raises recall for
 * compounds that are written apart in the document ("Anfrage eines Kunden" for "Kundenanfrage") at
 * the cost of precision.
 */
public final class GermanTextAnalyzer extends Analyzer {

    private final GermanCompounds compounds;

    private GermanTextAnalyzer(GermanCompounds compounds) {
        this.compounds = compounds;
    }

    /** The index-time chain: compounds are split into their dictionary subwords. */
    public static GermanTextAnalyzer withCompoundSplitting(GermanCompounds compounds) {
        if (compounds == null) {
            throw new IllegalArgumentException("compound splitting needs a grammar and dictionary");
        }
        return new GermanTextAnalyzer(compounds);
    }

    /** The same chain without splitting, for the query side. */
    public static GermanTextAnalyzer withoutCompoundSplitting() {
        return new GermanTextAnalyzer(null);
    }

    public boolean splitsCompounds() {
        return compounds != null;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream stream = new LowerCaseFilter(source);
        // Before folding: Lucene's German stop words are spelled with umlauts ("über", "für").
        stream = new StopFilter(stream, GermanAnalyzer.getDefaultStopSet());
        if (compounds != null) {
            // Also before folding: the hyphenation patterns are made for real spelling.
            stream = compounds.decompose(stream);
        }
        stream = Folding.fold(stream);
        stream = new GermanLightStemFilter(stream);
        // "kunden" and its subword "kunde" both stem to "kund"; count it once.
        stream = new RemoveDuplicatesTokenFilter(stream);
        return new TokenStreamComponents(source, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return Folding.fold(new LowerCaseFilter(in));
    }
}
