package de.querfunk.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import de.querfunk.search.analysis.Language;
import de.querfunk.search.analysis.SearchAnalyzers;
import de.querfunk.search.index.IndexFields;
import de.querfunk.search.index.SearchCodec;
import de.querfunk.search.index.SearchIndex;

/** Opening, committing and reopening the index on disk, including the damaged and outdated cases. */
class SearchIndexTest {

    private static SearchAnalyzers analyzers;
    private Path dir;

    @BeforeAll
    static void load() {
        analyzers = SearchAnalyzers.load();
    }

    @AfterAll
    static void close() {
        analyzers.close();
    }

    @BeforeEach
    void freshDirectory() throws IOException {
        Files.createDirectories(Path.of("target"));
        dir = Files.createTempDirectory(Path.of("target"), "search-index-test-").resolve("index");
    }

    private SearchIndex open() throws IOException {
        return SearchIndex.open(dir, analyzers, Language.GERMAN);
    }

    private static SearchDocument message(UUID id, String text) {
        return new SearchDocument(DocumentKind.MESSAGE, id, "space:" + UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), Instant.now(), text, null, false, false, false);
    }

    private static long count(SearchIndex index, String exactWord) throws IOException {
        return index.search(s -> (long) s.count(new TermQuery(new Term(IndexFields.TEXT_EXACT, exactWord))));
    }

    @Test
    void newIndex_asksForARebuild_andACommitCarriesItsPositionAcrossARestart() throws IOException {
        UUID id = UUID.randomUUID();
        try (SearchIndex index = open()) {
            assertThat(index.rebuildReason()).contains("did not exist");
            index.apply(List.of(new IndexChange.Upsert(message(id, "Rückruf erbeten"))));
            index.refresh();
            assertThat(count(index, "ruckruf")).isEqualTo(1);
            index.commit(Map.of("querfunk.position", "42"));
        }
        try (FSDirectory d = FSDirectory.open(dir)) {
            // Segments name the codec that reads them; reopening finds it through Lucene's lookup.
            assertThat(SegmentInfos.readLatestCommit(d).info(0).info.getCodec().getName()).isEqualTo(SearchCodec.NAME);
        }
        try (SearchIndex index = open()) {
            assertThat(index.rebuildReason()).isNull();
            assertThat(index.openedCommitData()).containsEntry("querfunk.position", "42");
            String stored = index.search(s -> s.storedFields().document(0).get(IndexFields.TEXT));
            assertThat(stored).isEqualTo("Rückruf erbeten");
            assertThat(count(index, "ruckruf")).isEqualTo(1);
            index.apply(List.of(new IndexChange.Upsert(message(id, "Rückruf erledigt"))));
            index.refresh();
            assertThat(count(index, "erbeten")).isZero();
            assertThat(count(index, "erledigt")).isEqualTo(1);
            index.apply(List.of(new IndexChange.Delete(DocumentKind.MESSAGE, id)));
            index.refresh();
            assertThat(count(index, "ruckruf")).isZero();
        }
    }

    @Test
    void damagedIndex_isMovedAside_andReplacedByAnEmptyOne() throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("segments_3"), "not a Lucene file", StandardCharsets.UTF_8);
        try (SearchIndex index = open()) {
            assertThat(index.rebuildReason()).contains("damaged");
            assertThat(dir.resolveSibling("index.damaged").resolve("segments_3")).exists();
            index.apply(List.of(new IndexChange.Upsert(message(UUID.randomUUID(), "Neuer Anfang"))));
            index.refresh();
            assertThat(count(index, "anfang")).isEqualTo(1);
        }
    }

    @Test
    void indexOfAnotherLayout_isEmptiedForARebuild() throws IOException {
        Files.createDirectories(dir);
        try (FSDirectory d = FSDirectory.open(dir);
                IndexWriter w = new IndexWriter(d, new IndexWriterConfig(analyzers.indexAnalyzer()))) {
            org.apache.lucene.document.Document doc = new org.apache.lucene.document.Document();
            doc.add(new org.apache.lucene.document.TextField(IndexFields.TEXT_EXACT, "alt", org.apache.lucene.document.Field.Store.NO));
            w.addDocument(doc);
            w.setLiveCommitData(Map.of("querfunk.schema", "0").entrySet());
            w.commit();
        }
        try (SearchIndex index = open()) {
            assertThat(index.rebuildReason()).contains("another version");
            index.refresh();
            assertThat(count(index, "alt")).isZero();
        }
    }
}
