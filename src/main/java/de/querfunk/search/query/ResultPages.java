package de.querfunk.search.query;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.lucene.document.Document;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;

import de.querfunk.search.index.AccessRuns;
import de.querfunk.search.index.IndexFields;

/**
 * One page of results: the top hits of a compiled query among the documents a person may read,
 * each with its stored fields and a marked snippet, and the facet counts over every permitted
 * match, in one pass over the index. The API and the search benchmark both run queries through
 * here, so the benchmark measures what a request costs.
 *
 * <p>Snippets mark the offsets the index recorded for the terms that matched (the postings of the
 * text fields carry offsets), so showing a result does not analyse its text again; a document
 * indexed without offsets falls back to {@link Snippets}' analysis.
 */
public final class ResultPages {

    /** Best first; ties newest first, then in the fixed order of {@link IndexFields#TIEBREAK}. */
    public static final Sort RELEVANCE = new Sort(SortField.FIELD_SCORE, newestFirst(), tiebreak());
    /** Newest first, ties in the fixed order of {@link IndexFields#TIEBREAK}. */
    public static final Sort NEWEST = new Sort(newestFirst(), tiebreak());

    private final Snippets snippets;

    /** @param snippets how snippets are cut; null for hits without snippets (to measure what they cost) */
    public ResultPages(Snippets snippets) {
        this.snippets = snippets;
    }

    private static SortField newestFirst() {
        return new SortField(IndexFields.CREATED, SortField.Type.LONG, true);
    }

    private static SortField tiebreak() {
        return new SortField(IndexFields.TIEBREAK, SortField.Type.LONG);
    }

    /** A hit: its document number and sort values (for the cursor), its stored fields and its snippet. */
    public record Hit(FieldDoc position, Document stored, String snippet) {
    }

    /** {@code more}: whether another page follows the last hit. */
    public record Page(List<Hit> hits, FacetCounts.Result facets, boolean more) {
    }

    /**
     * The filter on the documents a person may read, given the access keys of their spaces and
     * conversations: the runs of documents the index keeps together per key ({@link AccessRuns}).
     */
    public static Query permitted(Collection<BytesRef> accessKeys) {
        return accessKeys.isEmpty() ? new MatchNoDocsQuery("nothing readable") : new AccessRuns(accessKeys);
    }

    /** The {@code size} best hits of {@code text} after {@code after} (null for the first page) among {@code permitted}. */
    public Page page(IndexSearcher searcher, Query text, Query permitted, Sort sort, int size, FieldDoc after)
            throws IOException {
        Query query = new BooleanQuery.Builder().add(text, Occur.MUST).add(permitted, Occur.FILTER).build();
        var top = new TopFieldCollectorManager(sort, size + 1, after, size + 1);
        Object[] results = searcher.search(query, new MultiCollectorManager(top, new FacetCounts()));
        TopFieldDocs docs = (TopFieldDocs) results[0];
        int shown = Math.min(size, docs.scoreDocs.length);
        List<Hit> hits = new ArrayList<>(shown);
        if (shown > 0 && snippets == null) {
            StoredFields stored = searcher.storedFields();
            for (int i = 0; i < shown; i++) {
                FieldDoc hit = (FieldDoc) docs.scoreDocs[i];
                hits.add(new Hit(hit, stored.document(hit.doc), null));
            }
        } else if (shown > 0) {
            Weight matching = searcher.createWeight(searcher.rewrite(marking(text)), ScoreMode.COMPLETE_NO_SCORES, 1f);
            Snippets.Matches analysed = null;
            StoredFields stored = searcher.storedFields();
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            for (int i = 0; i < shown; i++) {
                FieldDoc hit = (FieldDoc) docs.scoreDocs[i];
                Document d = stored.document(hit.doc);
                String body = d.get(IndexFields.TEXT);
                List<int[]> marks = marks(matching, leaves, hit.doc);
                if (marks == null) {
                    if (analysed == null) {
                        analysed = Snippets.matches(text);
                    }
                    String field = "en".equals(d.get(IndexFields.LANGUAGE)) ? IndexFields.TEXT_EN : IndexFields.TEXT_DE;
                    hits.add(new Hit(hit, d, snippets.snippet(analysed, body, field)));
                } else {
                    hits.add(new Hit(hit, d, snippets.snippet(body, marks)));
                }
            }
        }
        return new Page(hits, (FacetCounts.Result) results[1], docs.scoreDocs.length > size);
    }

    /**
     * What a snippet marks: every occurrence of a term (or of a word a prefix matches) of the query's
     * positive clauses in a text field, as one query whose matches are single words. Phrases and
     * the proximity boost would otherwise match as spans that include the words between.
     */
    static Query marking(Query text) {
        BooleanQuery.Builder words = new BooleanQuery.Builder();
        Set<Query> seen = new HashSet<>();
        Consumer<Query> add = q -> {
            if (seen.size() < IndexSearcher.getMaxClauseCount() && seen.add(q)) {
                words.add(q, Occur.SHOULD);
            }
        };
        Snippets.visitPositiveText(text, t -> add.accept(new TermQuery(t)), (q, field, automaton) -> add.accept(q));
        return seen.isEmpty() ? new MatchNoDocsQuery("no words to mark") : words.build();
    }

    /** The character ranges of the text terms that matched in {@code doc}; null when the index has no offsets for them. */
    private static List<int[]> marks(Weight weight, List<LeafReaderContext> leaves, int doc) throws IOException {
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        Matches matches = weight.matches(leaf, doc - leaf.docBase);
        List<int[]> marks = new ArrayList<>();
        if (matches == null) {
            return marks;
        }
        for (String field : IndexFields.TEXT_FIELDS) {
            MatchesIterator it = matches.getMatches(field);
            if (it == null) {
                continue;
            }
            while (it.next()) {
                if (it.startOffset() < 0) {
                    return null;
                }
                marks.add(new int[] {it.startOffset(), it.endOffset()});
            }
        }
        return marks;
    }
}
