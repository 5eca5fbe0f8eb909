package de.querfunk.search;

import java.time.Instant;
import java.util.UUID;

/**
 * One searchable item as the index holds it. A {@link SearchDocumentSource} makes it from the
 * owning feature's events and, for rebuilds, from its stored data.
 *
 * @param kind what it is
 * @param id the item's id in its feature; together with {@code kind} it identifies the document
 * @param accessKey who may find it: {@code space:<id>} for everyone who may read the space,
 *     {@code conversation:<id>} for the participants of a direct or group conversation. The same
 *     key as the item's events' stream key. It is checked at query time against what the searcher
 *     may read then, so membership changes apply without reindexing.
 * @param parentId what the item lives in and a result opens: the conversation of a message; null
 *     when the kind has none
 * @param authorId who wrote it
 * @param createdAt when it was created (sorting by newest, {@code before:}, {@code after:}, {@code on:})
 * @param text the searchable text as written (Markdown source for messages); snippets are cut from it
 * @param language {@code de} or {@code en} when the feature knows it; null to let the index detect it
 * @param hasLink whether it contains a link ({@code has:link})
 * @param hasFile whether it carries a file ({@code has:file})
 * @param isThread whether it is part of a thread: a reply, or a first message with replies ({@code is:thread})
 */
public record SearchDocument(DocumentKind kind, UUID id, String accessKey, UUID parentId, UUID authorId,
        Instant createdAt, String text, String language, boolean hasLink, boolean hasFile, boolean isThread) {

    public static final String SPACE_KEY = "space:";
    public static final String CONVERSATION_KEY = "conversation:";

    public SearchDocument {
        if (kind == null || id == null || createdAt == null || text == null) {
            throw new IllegalArgumentException("a search document needs kind, id, creation time and text");
        }
        if (accessKey == null || !(accessKey.startsWith(SPACE_KEY) || accessKey.startsWith(CONVERSATION_KEY))) {
            throw new IllegalArgumentException("access key must be space:<id> or conversation:<id>, not " + accessKey);
        }
    }

    /** The space the document belongs to, or null when it lives in a direct or group conversation. */
    public UUID spaceId() {
        return accessKey.startsWith(SPACE_KEY) ? UUID.fromString(accessKey.substring(SPACE_KEY.length())) : null;
    }

    /** The index's unique key: {@code <kind>:<id>}. */
    public String key() {
        return key(kind, id);
    }

    public static String key(DocumentKind kind, UUID id) {
        return kind.wireName() + ":" + id;
    }
}
