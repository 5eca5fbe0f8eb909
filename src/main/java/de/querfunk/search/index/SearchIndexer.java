package de.querfunk.search.index;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import de.querfunk.platform.events.EventLog;
import de.querfunk.platform.events.RecordedEvent;
import de.querfunk.search.IndexChange;
import de.querfunk.search.SearchConfig;
import de.querfunk.search.SearchDocument;
import de.querfunk.search.SearchDocumentSource;
import de.querfunk.search.analysis.Language;
import de.querfunk.search.analysis.SearchAnalyzers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Keeps the index in step with the event log, and rebuilds it. One thread does all writing: it
 * reads committed events after the index's position ({@link EventLog#readAfter}), lets every
 * {@link SearchDocumentSource} turn them into changes, applies them and refreshes the searcher. The
 * {@code domain-events} channel only wakes it; a timer covers a missed wake-up, and a restart
 * continues from the position in the last index commit. That position is the index's own, not a
 * row in {@code event_consumer}: written in the same Lucene commit as the changes, it cannot
 * disagree with them.
 *
 * <p>A rebuild empties the index, sets the position to the head of the log and walks every
 * source's stored documents page by page, applying new events between pages; its cursor is
 * committed with the position, so a restart continues a rebuild where it stopped. Searches keep
 * working meanwhile, over what has been indexed so far.
 */
@ApplicationScoped
public class SearchIndexer {

    static final String POSITION = "querfunk.position";
    /** When the event at the position occurred: tells an index built against another database. */
    static final String POSITION_AT = "querfunk.position-at";
    static final String REBUILD_SOURCE = "querfunk.rebuild.source";
    static final String REBUILD_CURSOR = "querfunk.rebuild.cursor";
    static final String REBUILD_DONE = "querfunk.rebuild.done";
    static final String REBUILD_TOTAL = "querfunk.rebuild.total";
    static final String REBUILD_STARTED = "querfunk.rebuild.started";
    static final String REBUILD_REASON = "querfunk.rebuild.reason";

    private static final Logger LOG = Logger.getLogger(SearchIndexer.class);

    @Inject
    EventLog log;

    @Inject
    SearchConfig config;

    @Inject
    @Any
    Instance<SearchDocumentSource> sourceBeans;

    private final Semaphore wake = new Semaphore(0);
    private final SearchAnalyzers analyzers = SearchAnalyzers.load();
    private List<SearchDocumentSource> sources;
    private volatile SearchIndex index;
    private volatile boolean running;
    private volatile Thread worker;

    // Written by the indexing thread only; volatile for the progress and health readers.
    private volatile long position;
    private volatile Instant positionAt;
    private volatile Rebuild rebuild;
    private volatile Rebuild lastRebuild;
    private final AtomicReference<String> requestedRebuild = new AtomicReference<>();
    private volatile String startingRebuild;
    private volatile String failure;
    private int failures;
    private long lastCommit = System.nanoTime();
    private boolean uncommitted;
    private long lastRefresh = System.nanoTime();
    private boolean unrefreshed;
    /** When the last search started; long ago at start, so the index begins idle. */
    private volatile long lastSearch = System.nanoTime() - TimeUnit.DAYS.toNanos(1);
    /** A search on an idle index waiting for the indexer to catch up and refresh. */
    private final AtomicReference<CompletableFuture<Void>> freshRequest = new AtomicReference<>();

    void start(@Observes StartupEvent event) {
        sources = sourceBeans.stream().sorted(Comparator.comparing(SearchDocumentSource::kind)).toList();
        try {
            // Opening is quick, even when a damaged index is moved aside; only the rebuild runs in the background.
            open();
        } catch (IOException | RuntimeException e) {
            failure = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.errorf(e, "The search index cannot be opened; search is unavailable until it can");
        }
        running = true;
        worker = Thread.ofPlatform().daemon().name("search-indexer").start(this::run);
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        wake.release();
        Thread t = worker;
        if (t != null) {
            try {
                t.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        SearchIndex i = index;
        if (i != null) {
            try {
                if (t == null || !t.isAlive()) {
                    commit();
                }
                i.close();
            } catch (IOException | RuntimeException e) {
                LOG.warnf(e, "Closing the search index failed; it catches up from its last commit at the next start");
            }
            index = null;
        }
    }

    /** Only a wake-up: the events themselves are read from the log, in order, by the indexing thread. */
    @Incoming("domain-events")
    void committed(RecordedEvent event) {
        wake.release();
    }

    /** Rebuilds the index from the features' tables; a rebuild already running starts over. */
    public void requestRebuild(String reason) {
        requestedRebuild.set(reason);
        wake.release();
    }

    /** The index to search; null until it has been opened. */
    public SearchIndex index() {
        return index;
    }

    public SearchAnalyzers analyzers() {
        return analyzers;
    }

    /** What the indexer is doing, for operators and the readiness check. */
    public Progress progress() {
        Rebuild r = rebuild;
        String requested = requestedRebuild.get();
        if (requested == null) {
            requested = startingRebuild;
        }
        if (index == null) {
            return new Progress(Progress.UNAVAILABLE, position, 0, 0, null, null, requested, failure);
        }
        if (r != null) {
            return new Progress(Progress.REBUILDING, position, r.done, r.total, r.startedAt, null, r.reason, failure);
        }
        if (requested != null) {
            return new Progress(Progress.REBUILDING, position, 0, 0, Instant.now(), null, requested, failure);
        }
        Rebuild last = lastRebuild;
        return last == null
                ? new Progress(Progress.READY, position, 0, 0, null, null, null, failure)
                : new Progress(Progress.READY, position, last.done, last.total, last.startedAt, last.finishedAt, last.reason,
                        failure);
    }

    private void run() {
        while (running) {
            try {
                if (index == null) {
                    open();
                }
                boolean more = step();
                failure = null;
                failures = 0;
                if (!more) {
                    awaitWork();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (IOException | RuntimeException e) {
                if (!running) {
                    return;
                }
                failure = e.getClass().getSimpleName() + ": " + e.getMessage();
                failures++;
                LOG.warnf(e, "Search indexing failed at position %d (%d times in a row); retrying", position, failures);
                pause();
            }
        }
    }

    /**
     * Waits for the next round. With nothing applied and unseen, the first new event starts it.
     * With changes waiting for a refresh, it starts when the refresh is due (while people search)
     * or after the poll interval (while nobody does), whatever events arrive meanwhile: they are
     * read and applied together. A search on an idle index, a rebuild request or shutdown start it
     * at once.
     */
    private void awaitWork() throws InterruptedException {
        if (!unrefreshed) {
            if (wake.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS)) {
                wake.drainPermits();
            }
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(searchedRecently()
                ? untilRefresh() : config.pollInterval().toMillis());
        for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
            if (wake.tryAcquire(left, TimeUnit.NANOSECONDS)) {
                wake.drainPermits();
                if (!running || freshRequest.get() != null || requestedRebuild.get() != null) {
                    return;
                }
            }
        }
    }

    /**
     * Called before each search. While people search, the indexer refreshes every refresh
     * interval. An index nobody searched for {@code querfunk.search.idle-after} is not refreshed
     * (refreshing writes segments nobody reads); the first search after that waits, up to a
     * second, until the indexer has applied what is in the log and refreshed.
     */
    public void beforeSearch() {
        long now = System.nanoTime();
        boolean wasIdle = now - lastSearch >= config.idleAfter().toNanos();
        lastSearch = now;
        if (!wasIdle || index == null || !running) {
            return;
        }
        CompletableFuture<Void> fresh = new CompletableFuture<>();
        if (!freshRequest.compareAndSet(null, fresh)) {
            fresh = freshRequest.get();
        }
        wake.release();
        try {
            if (fresh != null) {
                fresh.get(1, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.debugf("Searching an index that is still catching up: %s", e.getMessage());
        }
    }

    private boolean searchedRecently() {
        return System.nanoTime() - lastSearch < config.idleAfter().toNanos();
    }

    private void open() throws IOException {
        SearchIndex opened = SearchIndex.open(Path.of(config.indexDir()), analyzers,
                Language.fromTag(config.defaultLanguage()).orElse(Language.GERMAN));
        try {
            Map<String, String> data = opened.openedCommitData();
            String reason = opened.rebuildReason();
            if (reason == null) {
                position = Long.parseLong(data.getOrDefault(POSITION, "0"));
                positionAt = data.containsKey(POSITION_AT) ? Instant.ofEpochMilli(Long.parseLong(data.get(POSITION_AT))) : null;
                reason = foreignDatabase();
            }
            if (reason == null && data.containsKey(REBUILD_SOURCE)) {
                rebuild = new Rebuild(data.get(REBUILD_SOURCE), data.get(REBUILD_CURSOR),
                        Long.parseLong(data.get(REBUILD_DONE)), Long.parseLong(data.get(REBUILD_TOTAL)),
                        Instant.parse(data.get(REBUILD_STARTED)), data.get(REBUILD_REASON));
                LOG.infof("Continuing the search index rebuild (%d of %d documents done)", rebuild.done, rebuild.total);
            }
            index = opened;
            if (reason != null) {
                requestedRebuild.compareAndSet(null, reason);
            }
            LOG.infof("Search index open in %s at event position %d", opened.path(), position);
        } catch (RuntimeException e) {
            opened.close();
            throw e;
        }
    }

    /** Why the index cannot continue against this database, or null when it can. */
    private String foreignDatabase() {
        if (position == 0) {
            return null;
        }
        List<RecordedEvent> at = QuarkusTransaction.requiringNew().call(() -> log.readAfter(position - 1, 1));
        if (at.isEmpty() || at.get(0).position() != position) {
            return "the index is ahead of the event log (position " + position + "): it belongs to another database";
        }
        if (positionAt != null && !positionAt.equals(at.get(0).occurredAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS))) {
            return "the event at the index's position differs: the index belongs to another database";
        }
        return null;
    }

    /** One round of work; true when more is waiting. */
    private boolean step() throws IOException {
        String requested = requestedRebuild.getAndSet(null);
        if (requested != null) {
            startingRebuild = requested;
            try {
                startRebuild(requested);
            } catch (IOException | RuntimeException e) {
                requestedRebuild.compareAndSet(null, requested);
                throw e;
            } finally {
                startingRebuild = null;
            }
        }
        List<RecordedEvent> events = QuarkusTransaction.requiringNew()
                .call(() -> log.readAfter(position, config.batchSize()));
        boolean more = events.size() == config.batchSize();
        boolean finished = false;
        if (!events.isEmpty()) {
            List<IndexChange> changes = new ArrayList<>();
            for (RecordedEvent event : events) {
                for (SearchDocumentSource source : sources) {
                    changes.addAll(source.changes(event));
                }
            }
            index.apply(changes);
            RecordedEvent last = events.get(events.size() - 1);
            position = last.position();
            positionAt = last.occurredAt();
            uncommitted = true;
        }
        if (!more && rebuild != null) {
            // Events first, then a page: every page is read after all events before it were applied.
            finished = rebuildPage();
            more = !finished;
            uncommitted = true;
        }
        if (!events.isEmpty() || rebuild != null || finished) {
            unrefreshed = true;
        }
        CompletableFuture<Void> fresh = freshRequest.getAndSet(null);
        if (unrefreshed && (finished || fresh != null || searchedRecently() && untilRefresh() == 0)) {
            index.refresh();
            lastRefresh = System.nanoTime();
            unrefreshed = false;
        }
        if (fresh != null) {
            fresh.complete(null);
        }
        if (uncommitted && (finished || System.nanoTime() - lastCommit >= config.commitInterval().toNanos())) {
            commit();
        }
        return more;
    }

    /** Milliseconds until applied changes are due to be made searchable; 0 when they are. */
    private long untilRefresh() {
        long due = lastRefresh + config.refreshInterval().toNanos() - System.nanoTime();
        return due <= 0 ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toMillis(due));
    }

    private void startRebuild(String reason) throws IOException {
        LOG.infof("Rebuilding the search index: %s", reason);
        index.deleteAll();
        long head = QuarkusTransaction.requiringNew().call(log::head);
        List<RecordedEvent> at = head == 0 ? List.of()
                : QuarkusTransaction.requiringNew().call(() -> log.readAfter(head - 1, 1));
        position = head;
        positionAt = at.isEmpty() ? null : at.get(0).occurredAt();
        long total = 0;
        for (SearchDocumentSource source : sources) {
            total += source.count();
        }
        rebuild = sources.isEmpty() ? null
                : new Rebuild(sources.get(0).kind().wireName(), null, 0, total, Instant.now(), reason);
        uncommitted = true;
        commit();
        index.refresh();
    }

    /** Indexes one page of the rebuild; true when the rebuild is complete. */
    private boolean rebuildPage() throws IOException {
        Rebuild r = rebuild;
        int current = 0;
        while (current < sources.size() && !sources.get(current).kind().wireName().equals(r.source)) {
            current++;
        }
        if (current == sources.size()) {
            return finishRebuild(r);
        }
        SearchDocumentSource source = sources.get(current);
        SearchDocumentSource.Page page = source.documentsAfter(r.cursor, config.rebuildPageSize());
        List<IndexChange> upserts = new ArrayList<>(page.documents().size());
        for (SearchDocument doc : page.documents()) {
            upserts.add(new IndexChange.Upsert(doc));
        }
        index.apply(upserts);
        long done = r.done + upserts.size();
        if (page.nextCursor() != null) {
            rebuild = new Rebuild(r.source, page.nextCursor(), done, Math.max(done, r.total), r.startedAt, r.reason);
            return false;
        }
        if (current + 1 < sources.size()) {
            rebuild = new Rebuild(sources.get(current + 1).kind().wireName(), null, done, Math.max(done, r.total),
                    r.startedAt, r.reason);
            return false;
        }
        return finishRebuild(new Rebuild(r.source, null, done, Math.max(done, r.total), r.startedAt, r.reason));
    }

    private boolean finishRebuild(Rebuild r) {
        Rebuild finished = new Rebuild(r.source, null, r.done, r.done, r.startedAt, r.reason);
        finished.finishedAt = Instant.now();
        lastRebuild = finished;
        rebuild = null;
        LOG.infof("Search index rebuilt: %d documents in %d ms", r.done,
                finished.finishedAt.toEpochMilli() - r.startedAt.toEpochMilli());
        return true;
    }

    private void commit() throws IOException {
        SearchIndex i = index;
        if (i == null) {
            return;
        }
        Map<String, String> data = new HashMap<>();
        data.put(POSITION, Long.toString(position));
        if (positionAt != null) {
            data.put(POSITION_AT, Long.toString(positionAt.toEpochMilli()));
        }
        Rebuild r = rebuild;
        if (r != null) {
            data.put(REBUILD_SOURCE, r.source);
            if (r.cursor != null) {
                data.put(REBUILD_CURSOR, r.cursor);
            }
            data.put(REBUILD_DONE, Long.toString(r.done));
            data.put(REBUILD_TOTAL, Long.toString(r.total));
            data.put(REBUILD_STARTED, r.startedAt.toString());
            data.put(REBUILD_REASON, r.reason);
        }
        i.commit(data);
        lastCommit = System.nanoTime();
        uncommitted = false;
    }

    /** Waits longer after each failure in a row, up to half a minute, so a lasting fault does not flood the log. */
    private void pause() {
        long wait = Math.min(30_000, config.pollInterval().toMillis() << Math.min(failures, 10));
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A rebuild's place: the source it is walking, the cursor within it and the count so far. */
    private static final class Rebuild {
        final String source;
        final String cursor;
        final long done;
        final long total;
        final Instant startedAt;
        final String reason;
        volatile Instant finishedAt;

        Rebuild(String source, String cursor, long done, long total, Instant startedAt, String reason) {
            this.source = source;
            this.cursor = cursor;
            this.done = done;
            this.total = total;
            this.startedAt = startedAt;
            this.reason = reason;
        }
    }

    /**
     * The indexer's state: {@code ready}, {@code rebuilding} or {@code unavailable} (the index could
     * not be opened). During and after a rebuild, {@code done}, {@code total}, {@code startedAt},
     * {@code finishedAt} and {@code reason} describe it; {@code failure} is the last error, if the
     * latest round failed.
     */
    public record Progress(String state, long position, long done, long total, Instant startedAt, Instant finishedAt,
            String reason, String failure) {
        public static final String READY = "ready";
        public static final String REBUILDING = "rebuilding";
        public static final String UNAVAILABLE = "unavailable";
    }
}
