package de.querfunk.search.sources;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import de.querfunk.chat.ChatDirectory;
import de.querfunk.chat.ChatDirectory.StoredMessage;
import de.querfunk.chat.ChatEvents.MessageDeleted;
import de.querfunk.chat.ChatEvents.MessageEdited;
import de.querfunk.chat.ChatEvents.MessagePosted;
import de.querfunk.chat.ChatEvents.ThreadUpdated;
import de.querfunk.chat.MessageView;
import de.querfunk.platform.events.RecordedEvent;
import de.querfunk.search.DocumentKind;
import de.querfunk.search.IndexChange;
import de.querfunk.search.SearchDocument;
import de.querfunk.search.SearchDocumentSource;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Chat messages as search documents. A message is found by whoever may read its conversation: its
 * access key is its events' stream key. Posting and editing upsert it, deleting removes it, and a
 * first reply marks its thread's first message as part of a thread.
 */
@ApplicationScoped
class ChatMessages implements SearchDocumentSource {

    private static final Pattern LINK = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S");

    private final ChatDirectory chat;

    ChatMessages(ChatDirectory chat) {
        this.chat = chat;
    }

    @Override
    public DocumentKind kind() {
        return DocumentKind.MESSAGE;
    }

    @Override
    public List<IndexChange> changes(RecordedEvent event) {
        if (event.is(MessagePosted.class)) {
            return List.of(new IndexChange.Upsert(document(event.as(MessagePosted.class).message(), event.streamKey())));
        }
        if (event.is(MessageEdited.class)) {
            return List.of(new IndexChange.Upsert(document(event.as(MessageEdited.class).message(), event.streamKey())));
        }
        if (event.is(MessageDeleted.class)) {
            return List.of(new IndexChange.Delete(DocumentKind.MESSAGE, event.as(MessageDeleted.class).messageId()));
        }
        if (event.is(ThreadUpdated.class)) {
            ThreadUpdated thread = event.as(ThreadUpdated.class);
            return List.of(new IndexChange.ThreadFlag(DocumentKind.MESSAGE, thread.rootId(), thread.replyCount() > 0));
        }
        return List.of();
    }

    @Override
    public long count() {
        return QuarkusTransaction.requiringNew().call(chat::messageCount);
    }

    @Override
    public Page documentsAfter(String cursor, int limit) {
        UUID after = cursor == null ? null : UUID.fromString(cursor);
        List<StoredMessage> page = QuarkusTransaction.requiringNew().call(() -> chat.messagesAfter(after, limit));
        List<SearchDocument> documents = page.stream().map(m -> document(m.message(), m.streamKey())).toList();
        String next = page.size() < limit ? null : page.get(page.size() - 1).message().id().toString();
        return new Page(documents, next);
    }

    static SearchDocument document(MessageView m, String accessKey) {
        boolean link = (m.html() != null && m.html().contains("<a ")) || LINK.matcher(m.body()).find();
        boolean thread = m.threadRootId() != null || m.thread() != null;
        return new SearchDocument(DocumentKind.MESSAGE, m.id(), accessKey, m.conversationId(), m.authorId(),
                m.createdAt(), m.body(), null, link, false, thread);
    }
}
