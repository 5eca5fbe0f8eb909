package de.querfunk.search;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "querfunk.search")
public interface SearchConfig {

    /** Where the Lucene index lives; derived data, rebuilt from PostgreSQL when missing or damaged. */
    String indexDir();

    /** Events read from the log and applied in one batch. */
    @WithDefault("500")
    int batchSize();

    /**
     * How long applied changes may wait before the searcher is refreshed to show them. Every refresh
     * writes a small segment that later merges cost again, so under a stream of messages the indexer
     * refreshes at most this often, with all batches applied meanwhile; a lone message is searchable
     * after at most this long.
     */
    @WithDefault("200ms")
    Duration refreshInterval();

    /**
     * After this long without a search the index counts as idle: changes are still applied and
     * committed, but not refreshed until someone searches again; that first search waits for the
     * refresh.
     */
    @WithDefault("30s")
    Duration idleAfter();

    /** How often applied changes are committed to disk together with the event position. */
    @WithDefault("5s")
    Duration commitInterval();

    /** How often the indexer looks at the event log when no event woke it. */
    @WithDefault("1s")
    Duration pollInterval();

    /** Documents read from a feature's tables per step of a rebuild. */
    @WithDefault("1000")
    int rebuildPageSize();

    /** How much more a hit in the exact (unstemmed, unsplit) field weighs than one in a language field. */
    @WithDefault("2")
    float exactBoost();

    /** The language of a text whose words do not tell: {@code de} or {@code en}. */
    @WithDefault("de")
    String defaultLanguage();

    /** Characters of text around the matches shown in a result. */
    @WithDefault("200")
    int snippetLength();

    /** Longer queries are refused with a problem. */
    @WithDefault("500")
    int maxQueryLength();
}
