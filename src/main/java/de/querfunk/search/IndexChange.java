package de.querfunk.search;

import java.util.UUID;

/** What one event does to the index. Applying a change twice leaves the same index as applying it once. */
public sealed interface IndexChange {

    /** Adds the document, or replaces the one with the same kind and id. */
    record Upsert(SearchDocument document) implements IndexChange {
    }

    /** Removes the document; nothing happens when it is not indexed. */
    record Delete(DocumentKind kind, UUID id) implements IndexChange {
    }

    /**
     * Marks whether a document is part of a thread, without reindexing its text (a first message
     * gets its first reply); nothing happens when it is not indexed.
     */
    record ThreadFlag(DocumentKind kind, UUID id, boolean isThread) implements IndexChange {
    }
}
