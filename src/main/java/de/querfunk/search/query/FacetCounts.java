package de.querfunk.search.query;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

import de.querfunk.search.index.AccessRuns;
import de.querfunk.search.index.IndexFields;
import de.querfunk.search.index.PerSegment;

/**
 * Counts every match per kind and per space, in the same pass that collects the top hits: the
 * space from the access key's run the match lies in, the kind from doc values unless a segment
 * holds one kind only. Only documents that passed the permission filter are counted, so the
 * counts reveal nothing the person may not read.
 */
public final class FacetCounts implements CollectorManager<FacetCounts.Counter, FacetCounts.Result> {

    /** Each segment's kinds and spaces by ordinal, read once per segment instead of in every search. */
    private static final PerSegment<String[]> KIND_NAMES = new PerSegment<>(r -> names(r, IndexFields.KIND));
    private static final PerSegment<String[]> SPACE_NAMES = new PerSegment<>(r -> names(r, IndexFields.SPACE));

    /**
     * Each segment's runs of documents with one access key, sorted, with the space ordinal of the
     * key (-1 for a conversation outside spaces). A document's space follows from its access key
     * ({@code SearchDocument.spaceId()}), so it is the same throughout a run and a match is counted
     * without reading its space.
     */
    private record SpaceRuns(int[] starts, int[] ends, int[] spaceOrds) {
    }

    private static final PerSegment<SpaceRuns> SPACE_RUNS = new PerSegment<>(FacetCounts::spaceRuns);

    private static SpaceRuns spaceRuns(LeafReader reader) throws IOException {
        List<int[]> runs = new ArrayList<>();
        for (int[] pairs : AccessRuns.byKey(reader).values()) {
            for (int i = 0; i < pairs.length; i += 2) {
                runs.add(new int[] {pairs[i], pairs[i + 1]});
            }
        }
        runs.sort(Comparator.comparingInt(r -> r[0]));
        SortedDocValues spaces = DocValues.getSorted(reader, IndexFields.SPACE);
        int[] starts = new int[runs.size()];
        int[] ends = new int[runs.size()];
        int[] ords = new int[runs.size()];
        for (int i = 0; i < runs.size(); i++) {
            starts[i] = runs.get(i)[0];
            ends[i] = runs.get(i)[1];
            ords[i] = spaces.advanceExact(starts[i]) ? spaces.ordValue() : -1;
        }
        return new SpaceRuns(starts, ends, ords);
    }

    private static String[] names(LeafReader reader, String field) throws IOException {
        SortedDocValues values = DocValues.getSorted(reader, field);
        String[] names = new String[values.getValueCount()];
        TermsEnum terms = values.termsEnum();
        for (int ord = 0; ord < names.length; ord++) {
            names[ord] = terms.next().utf8ToString();
        }
        return names;
    }

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
        /** Whether every document of the segment is of the one kind it has: then a match's kind is not read. */
        private boolean oneKind;
        private SpaceRuns runs;
        private int runEnd;
        private int runSpace;
        private String[] kindNames = new String[0];
        private String[] spaceNames = new String[0];
        private int[] kindCounts = new int[0];
        private int[] spaceCounts = new int[0];

        @Override
        protected void doSetNextReader(LeafReaderContext context) throws IOException {
            flush();
            kindValues = DocValues.getSorted(context.reader(), IndexFields.KIND);
            kindNames = KIND_NAMES.get(context.reader());
            spaceNames = SPACE_NAMES.get(context.reader());
            kindCounts = new int[kindNames.length];
            spaceCounts = new int[spaceNames.length];
            oneKind = kindNames.length == 1 && context.reader().getDocCount(IndexFields.KIND) == context.reader().maxDoc();
            runs = SPACE_RUNS.get(context.reader());
            runEnd = -1;
        }

        @Override
        public void collect(int doc) throws IOException {
            if (oneKind) {
                kindCounts[0]++;
            } else if (kindValues.advanceExact(doc)) {
                kindCounts[kindValues.ordValue()]++;
            }
            if (doc >= runEnd) {
                enterRunOf(doc);
            }
            if (runSpace >= 0) {
                spaceCounts[runSpace]++;
            }
        }

        /** Finds the run that holds {@code doc}: every document has an access key, so one does. */
        private void enterRunOf(int doc) {
            int i = Arrays.binarySearch(runs.starts(), doc);
            i = i >= 0 ? i : -i - 2;
            runEnd = runs.ends()[i];
            runSpace = runs.spaceOrds()[i];
        }

        void flush() {
            for (int ord = 0; ord < kindCounts.length; ord++) {
                if (kindCounts[ord] > 0) {
                    kinds.merge(kindNames[ord], (long) kindCounts[ord], Long::sum);
                }
            }
            for (int ord = 0; ord < spaceCounts.length; ord++) {
                if (spaceCounts[ord] > 0) {
                    spaces.merge(spaceNames[ord], (long) spaceCounts[ord], Long::sum);
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
