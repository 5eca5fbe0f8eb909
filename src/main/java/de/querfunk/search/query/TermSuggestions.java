package de.querfunk.search.query;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;

import de.querfunk.search.index.IndexFields;

/**
 * Completes the word being typed from the words of the newest readable documents that contain a
 * word starting with it. Taking words only from documents that pass the permission filter keeps a
 * word that occurs only in a closed space from ever being suggested to an outsider, which a plain
 * walk over the index's terms could not promise. Words are shown as written (lower-cased), matched
 * folded, so "kun" offers "kündigung" and "kundenanfrage".
 */
public final class TermSuggestions {

    /** How many recent documents the words are taken from: enough for the common words, bounded in cost. */
    static final int SAMPLE = 100;

    private final Analyzer indexAnalyzer;

    public TermSuggestions(Analyzer indexAnalyzer) {
        this.indexAnalyzer = indexAnalyzer;
    }

    public List<String> suggest(IndexSearcher searcher, String prefix, Query permission, int limit) throws IOException {
        String folded = indexAnalyzer.normalize(IndexFields.TEXT_EXACT, prefix).utf8ToString();
        if (folded.length() < 2) {
            return List.of();
        }
        Query query = new BooleanQuery.Builder()
                .add(new PrefixQuery(new Term(IndexFields.TEXT_EXACT, folded)), Occur.FILTER)
                .add(permission, Occur.FILTER)
                .build();
        TopDocs top = searcher.search(query, SAMPLE, new Sort(new SortField(IndexFields.CREATED, SortField.Type.LONG, true)));
        Map<String, Integer> documents = new HashMap<>();
        Map<String, String> written = new LinkedHashMap<>();
        for (ScoreDoc hit : top.scoreDocs) {
            String text = searcher.storedFields().document(hit.doc).get(IndexFields.TEXT);
            Set<String> inThisDocument = new HashSet<>();
            try (TokenStream ts = indexAnalyzer.tokenStream(IndexFields.TEXT_EXACT, text)) {
                CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
                ts.reset();
                while (ts.incrementToken()) {
                    String t = term.toString();
                    if (t.startsWith(folded) && t.length() > folded.length() && inThisDocument.add(t)) {
                        documents.merge(t, 1, Integer::sum);
                        written.putIfAbsent(t, text.substring(offset.startOffset(), offset.endOffset())
                                .toLowerCase(Locale.ROOT));
                    }
                }
                ts.end();
            }
        }
        List<String> words = new ArrayList<>(documents.keySet());
        words.sort((a, b) -> documents.get(a).equals(documents.get(b)) ? a.compareTo(b)
                : Integer.compare(documents.get(b), documents.get(a)));
        return words.stream().limit(limit).map(written::get).toList();
    }
}
