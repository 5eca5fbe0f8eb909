package de.querfunk.search.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BytesRef;

/**
 * The documents whose access key is one of a set, as runs of document numbers. The index is sorted
 * by access key, so in every segment the documents of one key are one run, found once per segment
 * from the key's first posting and its document frequency and kept until the segment closes. A
 * query then looks up its keys, sorts their runs and iterates them: nothing is read per document,
 * and the text query it is combined with skips everything between the runs.
 *
 * <p>Deleted documents stay inside their run (the collector skips them, as for every query). A
 * key whose documents are not one run (a segment written without the sort) gets one run per
 * stretch of consecutive documents, so the result is the same on any index, only slower.
 */
public final class AccessRuns extends Query {

    /** Per segment: each access key's runs, as {@code start, end} pairs (end exclusive). */
    private static final PerSegment<Map<BytesRef, int[]>> SEGMENTS = new PerSegment<>(AccessRuns::scan);

    private final BytesRef[] keys;

    /** @param keys the access keys ({@link IndexFields#ACCESS}) whose documents match; copied, sorted and deduplicated */
    public AccessRuns(Collection<BytesRef> keys) {
        this.keys = keys.stream().map(BytesRef::deepCopyOf).distinct().sorted().toArray(BytesRef[]::new);
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
        return new ConstantScoreWeight(this, boost) {
            @Override
            public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
                int[] runs = runs(context.reader());
                if (runs.length == 0) {
                    return null;
                }
                return new DefaultScorerSupplier(new ConstantScoreScorer(score(), scoreMode, new RunIterator(runs)));
            }

            @Override
            public boolean isCacheable(LeafReaderContext ctx) {
                // Cheaper to build than a cached bit set is to read, and rarely the same twice.
                return false;
            }
        };
    }

    /** This query's runs in one segment, sorted, as {@code start, end} pairs with no two touching. */
    int[] runs(LeafReader reader) throws IOException {
        Map<BytesRef, int[]> byKey = byKey(reader);
        long[] all = new long[16];
        int n = 0;
        for (BytesRef key : keys) {
            int[] runs = byKey.get(key);
            if (runs == null) {
                continue;
            }
            for (int i = 0; i < runs.length; i += 2) {
                if (n == all.length) {
                    all = Arrays.copyOf(all, n * 2);
                }
                all[n++] = ((long) runs[i] << 32) | runs[i + 1];
            }
        }
        Arrays.sort(all, 0, n);
        int[] merged = new int[2 * n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            int start = (int) (all[i] >>> 32);
            int end = (int) all[i];
            if (m > 0 && start <= merged[m - 1]) {
                merged[m - 1] = Math.max(merged[m - 1], end);
            } else {
                merged[m++] = start;
                merged[m++] = end;
            }
        }
        return m == merged.length ? merged : Arrays.copyOf(merged, m);
    }

    /**
     * Every access key of a segment with its runs, as {@code start, end} pairs (end exclusive),
     * kept until the segment closes. The arrays are shared: do not change them.
     */
    public static Map<BytesRef, int[]> byKey(LeafReader reader) throws IOException {
        return SEGMENTS.get(reader);
    }

    /** Every key of the segment with its runs. */
    static Map<BytesRef, int[]> scan(LeafReader reader) throws IOException {
        Terms terms = reader.terms(IndexFields.ACCESS);
        if (terms == null) {
            return Map.of();
        }
        Map<BytesRef, int[]> runs = new HashMap<>();
        TermsEnum te = terms.iterator();
        PostingsEnum postings = null;
        for (BytesRef term = te.next(); term != null; term = te.next()) {
            int df = te.docFreq();
            postings = te.postings(postings, PostingsEnum.NONE);
            int first = postings.nextDoc();
            int last = first + df - 1;
            if (df == 1 || postings.advance(last) == last && postings.nextDoc() == DocIdSetIterator.NO_MORE_DOCS) {
                runs.put(BytesRef.deepCopyOf(term), new int[] {first, last + 1});
            } else {
                postings = te.postings(postings, PostingsEnum.NONE);
                runs.put(BytesRef.deepCopyOf(term), stretches(postings));
            }
        }
        return runs;
    }

    private static int[] stretches(PostingsEnum postings) throws IOException {
        List<Integer> pairs = new ArrayList<>();
        for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
            int n = pairs.size();
            if (n > 0 && pairs.get(n - 1) == doc) {
                pairs.set(n - 1, doc + 1);
            } else {
                pairs.add(doc);
                pairs.add(doc + 1);
            }
        }
        return pairs.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Steps through sorted, disjoint runs; advancing only ever moves forward, so each run is passed once. */
    static final class RunIterator extends DocIdSetIterator {
        private final int[] runs;
        private final long cost;
        private int run;
        private int doc = -1;

        RunIterator(int[] runs) {
            this.runs = runs;
            long c = 0;
            for (int i = 0; i < runs.length; i += 2) {
                c += runs[i + 1] - runs[i];
            }
            this.cost = c;
        }

        @Override
        public int docID() {
            return doc;
        }

        @Override
        public int nextDoc() {
            return advance(doc + 1);
        }

        @Override
        public int advance(int target) {
            while (run < runs.length && runs[run + 1] <= target) {
                run += 2;
            }
            return doc = run < runs.length ? Math.max(target, runs[run]) : NO_MORE_DOCS;
        }

        @Override
        public int docIDRunEnd() {
            return runs[run + 1];
        }

        @Override
        public long cost() {
            return cost;
        }
    }

    @Override
    public String toString(String defaultField) {
        return "AccessRuns(" + IndexFields.ACCESS + ": " + keys.length + " keys)";
    }

    @Override
    public void visit(QueryVisitor visitor) {
        if (visitor.acceptField(IndexFields.ACCESS)) {
            visitor.visitLeaf(this);
        }
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && Arrays.equals(keys, ((AccessRuns) other).keys);
    }

    @Override
    public int hashCode() {
        return 31 * classHash() + Arrays.hashCode(keys);
    }
}
