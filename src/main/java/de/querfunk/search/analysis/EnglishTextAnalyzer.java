package de.querfunk.search.analysis;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * English text: standard tokenizer, possessive "'s" removed, lower case, English stop words, ASCII
 * folding, then KStem.
 *
 * <p>KStem rather than Porter or the minimal (plural-only) stemmer: it reduces plurals
 * ({@code invoices} → {@code invoice}) and the regular verb forms a support conversation is full of
 * ({@code cancelled}, {@code cancelling} → {@code cancel}; {@code refunded} → {@code refund}), but it
 * checks its result against a dictionary, so it does not conflate unrelated words the way Porter does
 * ({@code university}/{@code universe} → {@code univers}, {@code general}/{@code generous} →
 * {@code gener}, {@code organization} → {@code organ}). The same chain serves index and query.
 */
public final class EnglishTextAnalyzer extends Analyzer {

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream stream = new EnglishPossessiveFilter(source);
        stream = new LowerCaseFilter(stream);
        stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        stream = new ASCIIFoldingFilter(stream);
        stream = new KStemFilter(stream);
        return new TokenStreamComponents(source, stream);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
    }
}
