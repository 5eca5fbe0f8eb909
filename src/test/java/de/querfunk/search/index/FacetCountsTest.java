package de.querfunk.search.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import de.querfunk.search.DocumentKind;
import de.querfunk.search.IndexChange;
import de.querfunk.search.SearchDocument;
import de.querfunk.search.analysis.Language;
import de.querfunk.search.analysis.SearchAnalyzers;
import de.querfunk.search.query.FacetCounts;
import de.querfunk.search.query.ResultPages;

/**
 * The facet counts, which take a match's space from the access key's run it lies in, against
 * counts of the documents the test itself knows to be in the index: on the server's sorted index
 * with updates and deletes over many segments, and on an index written without the sort.
 */
class FacetCountsTest {

    @TempDir
    Path dir;

    private final Random random = new Random(5);
    private final List<String> keys = new ArrayList<>();
    /** What is indexed now: id to access key and whether the text has the word "alpha". */
    private final Map<UUID, SearchDocument> live = new HashMap<>();

    FacetCountsTest() {
        for (int i = 0; i < 30; i++) {
            keys.add((i % 3 == 0 ? SearchDocument.CONVERSATION_KEY : SearchDocument.SPACE_KEY) + UUID.randomUUID());
        }
    }

    private SearchDocument randomDocument(UUID id) {
        String text = random.nextBoolean() ? "alpha beta" : "beta gamma";
        return new SearchDocument(DocumentKind.MESSAGE, id, keys.get(random.nextInt(keys.size())), UUID.randomUUID(),
                UUID.randomUUID(), Instant.now(), text, "en", false, false, false);
    }

    @Test
    void sortedIndex_countsEverySpaceAsTheDocumentsInIt() throws IOException {
        try (SearchAnalyzers analyzers = SearchAnalyzers.load();
                SearchIndex index = SearchIndex.open(dir, analyzers, Language.ENGLISH)) {
            for (int batch = 0; batch < 8; batch++) {
                List<IndexChange> changes = new ArrayList<>();
                for (int i = 0; i < 150; i++) {
                    SearchDocument d = randomDocument(UUID.randomUUID());
                    live.put(d.id(), d);
                    changes.add(new IndexChange.Upsert(d));
                }
                List<UUID> ids = new ArrayList<>(live.keySet());
                for (int i = 0; i < 30; i++) {
                    UUID earlier = ids.get(random.nextInt(ids.size()));
                    if (random.nextBoolean()) {
                        live.remove(earlier);
                        changes.add(new IndexChange.Delete(DocumentKind.MESSAGE, earlier));
                    } else {
                        SearchDocument moved = randomDocument(earlier);
                        live.put(earlier, moved);
                        changes.add(new IndexChange.Upsert(moved));
                    }
                }
                index.apply(changes);
                index.refresh();
            }
            index.search(searcher -> {
                assertThat(searcher.getIndexReader().leaves()).hasSizeGreaterThan(1);
                assertCounts(searcher);
                return null;
            });
        }
    }

    @Test
    void unsortedIndex_countsTheSame() throws IOException {
        try (ByteBuffersDirectory d = new ByteBuffersDirectory();
                IndexWriter writer = new IndexWriter(d, new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE))) {
            for (int i = 0; i < 900; i++) {
                SearchDocument doc = randomDocument(UUID.randomUUID());
                live.put(doc.id(), doc);
                writer.addDocument(IndexFields.toLucene(doc, Language.ENGLISH));
                if (i % 300 == 299) {
                    writer.commit();
                }
            }
            writer.commit();
            try (DirectoryReader reader = DirectoryReader.open(d)) {
                assertCounts(new IndexSearcher(reader));
            }
        }
    }

    /** For random sets of readable keys, with and without a text query: the counts the test expects. */
    private void assertCounts(IndexSearcher searcher) throws IOException {
        for (int round = 0; round < 30; round++) {
            List<String> readable = keys.stream().filter(k -> random.nextInt(3) > 0).toList();
            boolean alphaOnly = round % 2 == 0;
            Query text = alphaOnly ? new TermQuery(new Term(IndexFields.TEXT_EXACT, "alpha"))
                    : new TermQuery(new Term(IndexFields.TEXT_EXACT, "beta"));
            Query query = new BooleanQuery.Builder().add(text, Occur.MUST)
                    .add(ResultPages.permitted(readable.stream().map(BytesRef::new).toList()), Occur.FILTER).build();
            Map<String, Long> spaces = new HashMap<>();
            long total = 0;
            for (SearchDocument d : live.values()) {
                if (readable.contains(d.accessKey()) && (!alphaOnly || d.text().contains("alpha"))) {
                    total++;
                    if (d.spaceId() != null) {
                        spaces.merge(d.spaceId().toString(), 1L, Long::sum);
                    }
                }
            }
            FacetCounts.Result counted = searcher.search(query, new FacetCounts());
            assertThat(counted.spaces()).isEqualTo(spaces);
            assertThat(counted.kinds()).isEqualTo(total == 0 ? Map.of() : Map.of("message", total));
        }
    }
}
