package de.querfunk.search.analysis;

import java.io.Closeable;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;

/**
 * The analyzers of the search index, by field, for the index writer and for the query parser.
 *
 * <ul>
 *   <li>{@value #TEXT_DE}: German text, stemmed; compounds split at index time
 *       ({@link GermanTextAnalyzer}).
 *   <li>{@value #TEXT_EN}: English text, stemmed ({@link EnglishTextAnalyzer}).
 *   <li>{@value #TEXT_EXACT}: every text again, only folded ({@link ExactAnalyzer}); boost it over
 *       the language field so exact words and phrases rank first.
 * </ul>
 *
 * <p>A document fills the language field {@link LanguageDetector} chose for it plus the exact field;
 * a query searches both language fields and the exact field. Fields not listed here (ids, access
 * keys) should be indexed unanalysed ({@code StringField}); the exact analyzer is only their
 * fallback. Build once (the German compound data takes a fraction of a second to load) and share:
 * the analyzers are thread-safe.
 */
public final class SearchAnalyzers implements Closeable {

    public static final String TEXT_DE = "text_de";
    public static final String TEXT_EN = "text_en";
    public static final String TEXT_EXACT = "text_exact";

    private final Analyzer index;
    private final Analyzer query;

    private SearchAnalyzers(GermanCompounds compounds, boolean splitCompoundsInQueries) {
        Analyzer english = new EnglishTextAnalyzer();
        Analyzer exact = new ExactAnalyzer();
        GermanTextAnalyzer germanIndex = GermanTextAnalyzer.withCompoundSplitting(compounds);
        GermanTextAnalyzer germanQuery = splitCompoundsInQueries
                ? germanIndex
                : GermanTextAnalyzer.withoutCompoundSplitting();
        this.index = new PerFieldAnalyzerWrapper(exact,
                Map.of(TEXT_DE, germanIndex, TEXT_EN, english, TEXT_EXACT, exact));
        this.query = new PerFieldAnalyzerWrapper(exact,
                Map.of(TEXT_DE, germanQuery, TEXT_EN, english, TEXT_EXACT, exact));
    }

    /** Loads the shipped German compound data; queries keep compounds whole (the recommended setup). */
    public static SearchAnalyzers load() {
        return create(GermanCompounds.fromClasspath(), false);
    }

    /**
     * @param splitCompoundsInQueries whether the query side splits German compounds too; see
     *     {@link GermanTextAnalyzer} for the trade-off
     */
    public static SearchAnalyzers create(GermanCompounds compounds, boolean splitCompoundsInQueries) {
        return new SearchAnalyzers(compounds, splitCompoundsInQueries);
    }

    /** The language field for text in {@code language}. */
    public static String textField(Language language) {
        return switch (language) {
            case GERMAN -> TEXT_DE;
            case ENGLISH -> TEXT_EN;
        };
    }

    /** For the {@code IndexWriterConfig}. */
    public Analyzer indexAnalyzer() {
        return index;
    }

    /** For query parsers. */
    public Analyzer queryAnalyzer() {
        return query;
    }

    @Override
    public void close() {
        index.close();
        query.close();
    }
}
