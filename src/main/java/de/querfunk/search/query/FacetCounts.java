package de.querfunk.search.query;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

import de.querfunk.search.index.IndexFields;

/**
 * Counts every match per kind and per space, from doc values, in the same pass that collects the
 * top hits. Only documents that passed the permission filter are counted, so the counts reveal
 * nothing the person may not read.
 */
public final class FacetCounts implements CollectorManager<FacetCounts.Counter, FacetCounts.Result> {

    /** Matches by kind (wire name) and by space id; their total is the number of matches. */
    public record Result(Map<String, Long> kinds, Map<String, Long> spaces) {
        public long total() {
            return kinds.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    @Override
    public Counter newCollector() {
        return new Counter();
    }

    @Override
    public Result reduce(Collection<Counter> counters) throws IOException {
        Map<String, Long> kinds = new HashMap<>();
        Map<String, Long> spaces = new HashMap<>();
        for (Counter c : counters) {
            c.flush();
            c.kinds.forEach((k, v) -> kinds.merge(k, v, Long::sum));
            c.spaces.forEach((k, v) -> spaces.merge(k, v, Long::sum));
        }
        return new Result(kinds, spaces);
    }

    /** Counts by ordinal within a segment and resolves the ordinals to values when it moves on. */
    public static final class Counter extends SimpleCollector {
        private final Map<String, Long> kinds = new HashMap<>();
        private final Map<String, Long> spaces = new HashMap<>();
        private SortedDocValues kindValues;
        private SortedDocValues spaceValues;
        private int[] kindCounts = new int[0];
        private int[] spaceCounts = new int[0];

        @Override
        protected void doSetNextReader(LeafReaderContext context) throws IOException {
            flush();
            kindValues = DocValues.getSorted(context.reader(), IndexFields.KIND);
            spaceValues = DocValues.getSorted(context.reader(), IndexFields.SPACE);
            kindCounts = new int[kindValues.getValueCount()];
            spaceCounts = new int[spaceValues.getValueCount()];
        }

        @Override
        public void collect(int doc) throws IOException {
            if (kindValues.advanceExact(doc)) {
                kindCounts[kindValues.ordValue()]++;
            }
            if (spaceValues.advanceExact(doc)) {
                spaceCounts[spaceValues.ordValue()]++;
            }
        }

        void flush() throws IOException {
            for (int ord = 0; ord < kindCounts.length; ord++) {
                if (kindCounts[ord] > 0) {
                    kinds.merge(kindValues.lookupOrd(ord).utf8ToString(), (long) kindCounts[ord], Long::sum);
                }
            }
            for (int ord = 0; ord < spaceCounts.length; ord++) {
                if (spaceCounts[ord] > 0) {
                    spaces.merge(spaceValues.lookupOrd(ord).utf8ToString(), (long) spaceCounts[ord], Long::sum);
                }
            }
            kindCounts = new int[0];
            spaceCounts = new int[0];
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }
}
