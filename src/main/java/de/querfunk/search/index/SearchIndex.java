package de.querfunk.search.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.IndexWriterConfig.OpenMode;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortedSetSortField;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.store.NRTCachingDirectory;
import org.jboss.logging.Logger;

import de.querfunk.search.IndexChange;
import de.querfunk.search.SearchDocument;
import de.querfunk.search.analysis.Language;
import de.querfunk.search.analysis.LanguageDetector;
import de.querfunk.search.analysis.SearchAnalyzers;

/**
 * The Lucene index of this process: one {@link IndexWriter} and one {@link SearcherManager} over
 * it, refreshed after each applied batch (near-real-time), so queries never open readers of their
 * own. Commits carry the indexer's state in their user data (the event position above all), so
 * what the index contains and how far it got can never disagree.
 *
 * <p>Opening never fails on a missing, damaged or outdated index: it starts an empty one and says
 * why ({@link #rebuildReason()}); the index is derived data and is rebuilt from PostgreSQL. It
 * fails only when another process holds the index's lock.
 */
public final class SearchIndex implements Closeable {

    /** Raised whenever the document layout changes, so that an index built by an older version is rebuilt. */
    public static final String SCHEMA_VERSION = "4";
    static final String SCHEMA_KEY = "querfunk.schema";

    private static final Logger LOG = Logger.getLogger(SearchIndex.class);

    private final Path path;
    private final SearchAnalyzers analyzers;
    private final Language fallback;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final String rebuildReason;
    private final Map<String, String> committed;

    private SearchIndex(Path path, SearchAnalyzers analyzers, Language fallback, Directory directory, IndexWriter writer,
            String rebuildReason, Map<String, String> committed) throws IOException {
        this.path = path;
        this.analyzers = analyzers;
        this.fallback = fallback;
        this.directory = directory;
        this.writer = writer;
        this.rebuildReason = rebuildReason;
        this.committed = Map.copyOf(committed);
        this.searchers = new SearcherManager(writer, null);
    }

    /**
     * Opens the index in {@code path}, or creates it. A damaged index is moved aside to
     * {@code <path>.damaged} (replacing an older one there) for inspection, and a new one is created.
     *
     * @throws LockObtainFailedException when another process uses the index
     */
    public static SearchIndex open(Path path, SearchAnalyzers analyzers, Language fallback) throws IOException {
        Files.createDirectories(path);
        Directory directory = directory(path);
        boolean exists = DirectoryReader.indexExists(directory);
        IndexWriter writer = null;
        try {
            String layout = exists ? layout(directory) : SCHEMA_VERSION;
            if (!SCHEMA_VERSION.equals(layout)) {
                // Another layout may sort documents differently, which a writer cannot continue: start afresh.
                writer = new IndexWriter(directory, config(analyzers, OpenMode.CREATE));
                return new SearchIndex(path, analyzers, fallback, directory, writer,
                        "the index was built by another version (layout " + layout + ")", Map.of());
            }
            writer = new IndexWriter(directory, config(analyzers, OpenMode.CREATE_OR_APPEND));
            if (!exists) {
                return new SearchIndex(path, analyzers, fallback, directory, writer, "the index did not exist", Map.of());
            }
            // Opening a reader reads every segment's metadata: most damage shows here, not at the first query.
            try (DirectoryReader check = DirectoryReader.open(writer)) {
                check.numDocs();
            }
            return new SearchIndex(path, analyzers, fallback, directory, writer, null, commitData(writer));
        } catch (LockObtainFailedException e) {
            directory.close();
            throw e;
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "The search index in %s is damaged; moving it aside and rebuilding it", path);
            closeQuietly(writer);
            directory.close();
            Path aside = path.resolveSibling(path.getFileName() + ".damaged");
            deleteRecursively(aside);
            Files.move(path, aside);
            Files.createDirectories(path);
            Directory fresh = directory(path);
            IndexWriter created = new IndexWriter(fresh, config(analyzers, OpenMode.CREATE));
            return new SearchIndex(path, analyzers, fallback, fresh, created,
                    "the index was damaged (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", Map.of());
        }
    }

    /**
     * The index files, with the small segments that near-real-time refreshes write kept in memory
     * until they are merged or committed, so a stream of refreshes does not become a stream of
     * small files.
     */
    private static Directory directory(Path path) throws IOException {
        return new NRTCachingDirectory(FSDirectory.open(path), 8, 64);
    }

    /** The layout version in the user data of the last commit; null when it has none. */
    private static String layout(Directory directory) throws IOException {
        return SegmentInfos.readLatestCommit(directory).getUserData().get(SCHEMA_KEY);
    }

    private static IndexWriterConfig config(SearchAnalyzers analyzers, OpenMode mode) {
        IndexWriterConfig config = new IndexWriterConfig(analyzers.indexAnalyzer());
        config.setOpenMode(mode);
        // Chat messages are small; a larger buffer only delays flushing when the NRT reader asks anyway.
        config.setRAMBufferSizeMB(64);
        // Documents of one space or conversation lie together, so the permission filter of a query
        // matches a few runs of documents that the text's postings skip between.
        config.setIndexSort(new Sort(new SortedSetSortField(IndexFields.ACCESS, false)));
        // A refresh shows what is flushed; it does not wait for merges of the tiny segments it just wrote.
        config.setMaxFullFlushMergeWaitMillis(0);
        // Segments written for a refresh are short-lived: merging them is cheaper without packing each into a compound file.
        config.setUseCompoundFile(false);
        // Stored fields in small blocks: a result page reads 20 documents from anywhere in the index.
        config.setCodec(new SearchCodec());
        return config;
    }

    private static Map<String, String> commitData(IndexWriter writer) {
        Map<String, String> data = new HashMap<>();
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(e -> data.put(e.getKey(), e.getValue()));
        }
        return data;
    }

    /** Why the index was started empty and must be rebuilt; null when it opened as it was last committed. */
    public String rebuildReason() {
        return rebuildReason;
    }

    /** The user data of the commit the index was opened at (empty for a new index). */
    public Map<String, String> openedCommitData() {
        return committed;
    }

    public Path path() {
        return path;
    }

    public SearchAnalyzers analyzers() {
        return analyzers;
    }

    /** Applies changes in order; they become searchable at the next {@link #refresh()}. */
    public void apply(List<IndexChange> changes) throws IOException {
        for (IndexChange change : changes) {
            switch (change) {
                case IndexChange.Upsert upsert -> {
                    SearchDocument doc = upsert.document();
                    writer.updateDocument(new Term(IndexFields.KEY, doc.key()), IndexFields.toLucene(doc, language(doc)));
                }
                case IndexChange.Delete delete ->
                    writer.deleteDocuments(new Term(IndexFields.KEY, SearchDocument.key(delete.kind(), delete.id())));
                case IndexChange.ThreadFlag flag ->
                    writer.updateNumericDocValue(new Term(IndexFields.KEY, SearchDocument.key(flag.kind(), flag.id())),
                            IndexFields.THREAD, flag.isThread() ? 1 : 0);
            }
        }
    }

    private Language language(SearchDocument doc) {
        return Language.fromTag(doc.language()).orElseGet(() -> LanguageDetector.detect(doc.text(), fallback));
    }

    public void deleteAll() throws IOException {
        writer.deleteAll();
    }

    /** Whether segments are being merged or are waiting to be (after a bulk load, say). */
    public boolean merging() {
        return writer.hasPendingMerges()
                || writer.getConfig().getMergeScheduler() instanceof ConcurrentMergeScheduler cms && cms.mergeThreadCount() > 0;
    }

    /** Makes everything applied so far visible to new searches. */
    public void refresh() throws IOException {
        searchers.maybeRefreshBlocking();
    }

    /** Writes everything applied so far to disk, with {@code data} (plus the layout version) as the commit's user data. */
    public void commit(Map<String, String> data) throws IOException {
        Map<String, String> all = new HashMap<>(data);
        all.put(SCHEMA_KEY, SCHEMA_VERSION);
        writer.setLiveCommitData(all.entrySet());
        writer.commit();
    }

    /** Runs {@code work} on the current searcher, which stays valid while it runs. */
    public <T> T search(SearcherWork<T> work) throws IOException {
        IndexSearcher searcher = searchers.acquire();
        try {
            return work.apply(searcher);
        } finally {
            searchers.release(searcher);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            searchers.close();
            writer.close();
        } finally {
            directory.close();
        }
    }

    /** Work on a searcher. */
    @FunctionalInterface
    public interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private static void closeQuietly(IndexWriter writer) {
        if (writer == null) {
            return;
        }
        try {
            writer.rollback();
        } catch (IOException | RuntimeException e) {
            LOG.debugf("Closing a damaged index writer failed: %s", e.getMessage());
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
