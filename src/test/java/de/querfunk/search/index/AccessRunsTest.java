package de.querfunk.search.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
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

/**
 * The permission filter as runs of documents must match exactly what the access keys' postings
 * match, on the index's own sorted layout (one run per key, deletions and updates included) and on
 * an index written without that sort.
 */
class AccessRunsTest {

    private static final int KEYS = 40;

    @TempDir
    Path indexDir;

    private final Random random = new Random(7);

    @Test
    void sortedIndex_eachKeyIsOneRun_andTheRunsMatchWhatThePostingsMatch() throws IOException {
        List<String> keys = keys();
        try (SearchAnalyzers analyzers = SearchAnalyzers.load();
                SearchIndex index = SearchIndex.open(indexDir, analyzers, Language.GERMAN)) {
            List<UUID> ids = new ArrayList<>();
            for (int batch = 0; batch < 6; batch++) {
                List<IndexChange> changes = new ArrayList<>();
                for (int i = 0; i < 300; i++) {
                    UUID id = UUID.randomUUID();
                    ids.add(id);
                    changes.add(new IndexChange.Upsert(document(id, keys.get(random.nextInt(KEYS)))));
                }
                // Moves some earlier documents to another key and deletes others: holes in old runs.
                for (int i = 0; i < 40; i++) {
                    UUID earlier = ids.get(random.nextInt(ids.size()));
                    changes.add(random.nextBoolean() ? new IndexChange.Delete(DocumentKind.MESSAGE, earlier)
                            : new IndexChange.Upsert(document(earlier, keys.get(random.nextInt(KEYS)))));
                }
                index.apply(changes);
                index.refresh();
            }
            index.search(searcher -> {
                assertThat(searcher.getIndexReader().leaves()).hasSizeGreaterThan(1);
                for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                    assertThat(AccessRuns.scan(leaf.reader()).values())
                            .allSatisfy(runs -> assertThat(runs).hasSize(2));
                }
                assertSameAsPostings(searcher, keys);
                return null;
            });
        }
    }

    @Test
    void unsortedIndex_keysSpreadOverTheSegment_matchTheSameDocuments() throws IOException {
        List<String> keys = keys();
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
                IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE))) {
            for (int i = 0; i < 2_000; i++) {
                Document d = new Document();
                String id = Integer.toString(i);
                d.add(new StringField(IndexFields.KEY, id, Store.YES));
                d.add(new KeywordField(IndexFields.ACCESS, keys.get(random.nextInt(KEYS)), Store.NO));
                writer.addDocument(d);
                if (i % 700 == 699) {
                    writer.commit();
                }
            }
            for (int i = 0; i < 100; i++) {
                writer.deleteDocuments(new Term(IndexFields.KEY, Integer.toString(random.nextInt(2_000))));
            }
            writer.commit();
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                boolean spread = false;
                for (LeafReaderContext leaf : reader.leaves()) {
                    spread |= AccessRuns.scan(leaf.reader()).values().stream().anyMatch(r -> r.length > 2);
                }
                assertThat(spread).as("keys interleave without the index sort").isTrue();
                assertSameAsPostings(searcher, keys);
            }
        }
    }

    @Test
    void aKeyTheIndexDoesNotHave_matchesNothing_andCombinesWithTextQueries() throws IOException {
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory(); IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig())) {
            for (int i = 0; i < 100; i++) {
                Document d = new Document();
                d.add(new StringField(IndexFields.KEY, Integer.toString(i), Store.YES));
                d.add(new StringField("word", i % 3 == 0 ? "fizz" : "none", Store.NO));
                d.add(new KeywordField(IndexFields.ACCESS, i < 50 ? "space:a" : "space:b", Store.NO));
                writer.addDocument(d);
            }
            writer.commit();
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                assertThat(searcher.count(new AccessRuns(List.of(new BytesRef("space:c"))))).isZero();
                Query fizzInA = new BooleanQuery.Builder().add(new TermQuery(new Term("word", "fizz")), Occur.MUST)
                        .add(new AccessRuns(List.of(new BytesRef("space:a"), new BytesRef("space:c"))),
                                Occur.FILTER)
                        .build();
                assertThat(searcher.count(fizzInA)).isEqualTo(17); // 0, 3, ..., 48
            }
        }
    }

    private List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < KEYS; i++) {
            keys.add((i % 2 == 0 ? SearchDocument.SPACE_KEY : SearchDocument.CONVERSATION_KEY) + UUID.randomUUID());
        }
        return keys;
    }

    private static SearchDocument document(UUID id, String accessKey) {
        return new SearchDocument(DocumentKind.MESSAGE, id, accessKey, UUID.randomUUID(), UUID.randomUUID(), Instant.now(),
                "Rückruf zur Vertragskündigung", "de", false, false, false);
    }

    /** For many random sets of keys (and the empty and full set), the same documents as the keys' term postings. */
    private void assertSameAsPostings(IndexSearcher searcher, List<String> keys) throws IOException {
        for (int round = 0; round < 50; round++) {
            List<BytesRef> chosen = new ArrayList<>();
            for (String key : keys) {
                if (round == 49 || random.nextInt(4) == 0) {
                    chosen.add(new BytesRef(key));
                }
            }
            chosen.add(new BytesRef("space:not-in-the-index"));
            BooleanQuery.Builder postings = new BooleanQuery.Builder();
            chosen.forEach(k -> postings.add(new TermQuery(new Term(IndexFields.ACCESS, k)), Occur.SHOULD));
            Set<String> expected = keysOf(searcher, postings.build());
            assertThat(keysOf(searcher, new AccessRuns(chosen))).isEqualTo(expected);
        }
    }

    private static Set<String> keysOf(IndexSearcher searcher, Query query) throws IOException {
        StoredFields stored = searcher.storedFields();
        Set<String> found = new HashSet<>();
        for (ScoreDoc hit : searcher.search(query, Integer.MAX_VALUE).scoreDocs) {
            found.add(stored.document(hit.doc).get(IndexFields.KEY));
        }
        return found;
    }
}
