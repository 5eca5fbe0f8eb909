package de.querfunk.chat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import de.querfunk.chat.ChatEvents.MessageDeleted;
import de.querfunk.chat.ChatEvents.MessageEdited;
import de.querfunk.chat.ChatEvents.MessagePinned;
import de.querfunk.chat.ChatEvents.MessagePosted;
import de.querfunk.chat.ChatEvents.MessageUnpinned;
import de.querfunk.chat.ChatEvents.ReactionAdded;
import de.querfunk.chat.ChatEvents.ReactionRemoved;
import de.querfunk.chat.ChatEvents.ThreadFollowChanged;
import de.querfunk.chat.ChatEvents.ThreadUpdated;
import de.querfunk.chat.persistence.Conversation;
import de.querfunk.chat.persistence.ConversationRepository;
import de.querfunk.chat.persistence.Message;
import de.querfunk.chat.persistence.MessageRepository;
import de.querfunk.chat.persistence.ReactionRepository;
import de.querfunk.identity.Actor;
import de.querfunk.identity.CurrentPerson;
import de.querfunk.identity.People;
import de.querfunk.platform.events.EventLog;
import de.querfunk.platform.problem.ProblemException;
import de.querfunk.space.SpaceAccess;

/** Messages: posting with idempotency, history, threads, edits, deletion, reactions, pins and thread follows. */
@ApplicationScoped
public class MessageService {

    public static final int MAX_LENGTH = 16_000;
    static final String IDEMPOTENCY_CONFLICT = "/problems/idempotency-key-reused";
    static final String MESSAGE_DELETED = "/problems/message-deleted";
    static final String TOO_MANY_REACTIONS = "/problems/too-many-reactions";
    static final String NOT_AUTHOR = "/problems/not-author";
    static final String READ_RECEIPTS_OFF = "/problems/read-receipts-disabled";
    static final int MAX_DISTINCT_REACTIONS = 50;
    private static final String MESSAGE_NOT_FOUND = "No message with this id exists, or you cannot read it.";

    private final ConversationRepository conversations;
    private final MessageRepository messages;
    private final ReactionRepository reactions;
    private final ConversationAccess access;
    private final SpaceAccess spaces;
    private final People people;
    private final CurrentPerson current;
    private final MarkdownRenderer markdown;
    private final MessageViews views;
    private final SendRateLimiter rateLimiter;
    private final ChatConfig config;
    private final Instance<PresenceDirectory> presence;
    private final EventLog events;
    private final EntityManager em;

    MessageService(ConversationRepository conversations, MessageRepository messages, ReactionRepository reactions,
            ConversationAccess access, SpaceAccess spaces, People people, CurrentPerson current, MarkdownRenderer markdown,
            MessageViews views, SendRateLimiter rateLimiter, ChatConfig config, Instance<PresenceDirectory> presence,
            EventLog events, EntityManager em) {
        this.conversations = conversations;
        this.messages = messages;
        this.reactions = reactions;
        this.access = access;
        this.spaces = spaces;
        this.people = people;
        this.current = current;
        this.markdown = markdown;
        this.views = views;
        this.rateLimiter = rateLimiter;
        this.config = config;
        this.presence = presence;
        this.events = events;
        this.em = em;
    }

    /**
     * Posts a message, once per idempotency key: a repeated send with the same key (also while the
     * first is still in flight) returns the stored message; the same key with a different message
     * is a 409.
     */
    @Transactional
    public MessageView post(UUID conversationId, String body, String idempotencyKey, UUID threadRootId, boolean alsoInChannel) {
        Actor actor = current.require();
        String text = validBody(body);
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 100) {
            throw ProblemException.invalid("idempotencyKey", "idempotencyKey is required: 1 to 100 characters, new for each message.");
        }
        // Concurrent sends with one key queue here; the second then finds the first's message.
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, actor.id() + "/" + idempotencyKey).getSingleResult();
        var existing = messages.findByIdempotencyKey(actor.id(), idempotencyKey);
        if (existing.isPresent()) {
            Message m = existing.get();
            String original = m.deletedAt != null ? text : messages.originalBody(m.id, m.body);
            if (!m.conversationId.equals(conversationId) || !Objects.equals(m.threadRootId, threadRootId)
                    || !text.equals(original)) {
                throw ProblemException.conflict(IDEMPOTENCY_CONFLICT,
                        "This idempotency key was used for a different message; use a new key for each message.");
            }
            return views.of(m);
        }
        Conversation c = access.writable(actor.id(), conversationId);
        Message root = null;
        if (threadRootId != null) {
            root = messages.findByIdOptional(threadRootId).filter(r -> r.conversationId.equals(c.id))
                    .orElseThrow(() -> ProblemException.invalid("threadRootId", "This conversation has no message with this id."));
            if (root.threadRootId != null) {
                throw ProblemException.invalid("threadRootId", "Reply to the thread's first message; threads do not nest.");
            }
            if (root.deletedAt != null) {
                throw ProblemException.conflict(MESSAGE_DELETED, "The message was deleted; its thread takes no replies.");
            }
        }
        rateLimiter.acquire(actor.id());
        MarkdownRenderer.Rendered rendered = markdown.renderWithMentions(text);
        String html = rendered.html();
        Mentioned mentioned = mentioned(c, actor.id(), rendered.mentions());

        // Everything that can be prepared is prepared: taking the number locks the conversation's row until commit.
        Message m = new Message();
        m.id = UUID.randomUUID();
        m.conversationId = c.id;
        m.seq = conversations.nextSeq(c.id);
        m.authorId = actor.id();
        m.body = text;
        m.html = html;
        m.threadRootId = threadRootId;
        m.inChannel = threadRootId == null || alsoInChannel;
        m.idempotencyKey = idempotencyKey;
        m.createdAt = Instant.now();
        messages.persist(m);
        messages.recordMentions(m.id, mentioned.personIds());
        MessageView view = views.ofNew(m);
        events.append(new MessagePosted(view, c.spaceId, List.copyOf(mentioned.personIds()), mentioned.space(),
                mentioned.here()));
        if (root != null) {
            em.lock(root, LockModeType.PESSIMISTIC_WRITE);
            root.replyCount++;
            root.lastReplyAt = m.createdAt;
            reactions.follow(root.id, root.authorId);
            reactions.follow(root.id, actor.id());
            for (UUID id : mentioned.personIds()) {
                reactions.follow(root.id, id);
            }
            events.append(threadUpdated(root, c));
        }
        conversations.readUpTo(c.id, actor.id(), m.seq);
        return view;
    }

    /** History of a conversation's channel, newest first, before, after or around a message. */
    @Transactional
    public HistoryView history(UUID conversationId, UUID before, UUID after, UUID around, int limit) {
        Actor actor = current.require();
        Conversation c = access.readable(actor.id(), conversationId);
        if (around != null) {
            long seq = seqIn(c, around, "around");
            List<Message> older = messages.channelPage(c.id, seq + 1, null, false, limit / 2 + 1);
            List<Message> newer = messages.channelPage(c.id, null, seq, true, limit - limit / 2);
            boolean moreBefore = older.size() > limit / 2;
            boolean moreAfter = newer.size() > limit - limit / 2 - 1;
            List<Message> page = new ArrayList<>(newer.subList(0, Math.min(newer.size(), limit - limit / 2 - 1)));
            Collections.reverse(page);
            page.addAll(older.subList(0, Math.min(older.size(), limit / 2 + 1)));
            return new HistoryView(views.of(page), moreBefore, moreAfter);
        }
        if (after != null) {
            List<Message> newer = messages.channelPage(c.id, null, seqIn(c, after, "after"), true, limit + 1);
            boolean more = newer.size() > limit;
            List<Message> page = new ArrayList<>(newer.subList(0, Math.min(limit, newer.size())));
            Collections.reverse(page);
            return new HistoryView(views.of(page), true, more);
        }
        Long beforeSeq = before == null ? null : seqIn(c, before, "before");
        List<Message> older = messages.channelPage(c.id, beforeSeq, null, false, limit + 1);
        boolean more = older.size() > limit;
        return new HistoryView(views.of(older.subList(0, Math.min(limit, older.size()))), more, before != null);
    }

    /** A thread's replies, oldest first, after a reply if given. */
    @Transactional
    public HistoryView replies(UUID rootId, UUID after, int limit) {
        Actor actor = current.require();
        Message root = readable(actor.id(), rootId);
        Long afterSeq = null;
        if (after != null) {
            afterSeq = messages.findByIdOptional(after).filter(m -> rootId.equals(m.threadRootId)).map(m -> m.seq)
                    .orElseThrow(() -> ProblemException.invalid("after", "This thread has no reply with this id."));
        }
        List<Message> page = messages.replies(root.id, afterSeq, limit + 1);
        boolean more = page.size() > limit;
        return new HistoryView(views.of(page.subList(0, Math.min(limit, page.size()))), after != null, more);
    }

    /** One message, for permalinks. */
    @Transactional
    public MessageView get(UUID messageId) {
        Actor actor = current.require();
        return views.of(readable(actor.id(), messageId));
    }

    /** Earlier versions of a message, for everyone who can read it. */
    @Transactional
    public List<EditView> edits(UUID messageId) {
        Actor actor = current.require();
        Message m = readable(actor.id(), messageId);
        return messages.edits(m.id);
    }

    @Transactional
    public MessageView edit(UUID messageId, String body) {
        Actor actor = current.require();
        Message m = readable(actor.id(), messageId);
        if (!m.authorId.equals(actor.id())) {
            throw new ProblemException(403, NOT_AUTHOR, "Only the author edits", "Only the author may edit a message.");
        }
        if (m.deletedAt != null) {
            throw ProblemException.conflict(MESSAGE_DELETED, "The message was deleted.");
        }
        Conversation c = access.writable(actor.id(), m.conversationId);
        String text = validBody(body);
        if (text.equals(m.body)) {
            return views.of(m);
        }
        Instant now = Instant.now();
        messages.recordEdit(m.id, m.body, now);
        m.body = text;
        MarkdownRenderer.Rendered rendered = markdown.renderWithMentions(text);
        m.html = rendered.html();
        m.editedAt = now;
        Mentioned mentioned = mentioned(c, actor.id(), rendered.mentions());
        messages.replaceMentions(m.id, mentioned.personIds());
        MessageView view = views.of(m);
        events.append(new MessageEdited(view, c.spaceId, List.copyOf(mentioned.personIds())));
        return view;
    }

    /** Deletes a message (its author or a moderator of the space): a tombstone keeps its place, its text is gone. */
    @Transactional
    public void delete(UUID messageId) {
        Actor actor = current.require();
        Message m = readable(actor.id(), messageId);
        Conversation c = conversations.findById(m.conversationId);
        if (!m.authorId.equals(actor.id()) && !access.canModerate(actor.id(), c)) {
            throw ProblemException.forbidden("Only the author or a moderator of the space may delete a message.");
        }
        if (m.deletedAt != null) {
            return;
        }
        m.deletedAt = Instant.now();
        m.body = null;
        m.html = null;
        messages.forgetText(m.id);
        reactions.removeAll(m.id);
        reactions.unpin(c.id, m.id);
        events.append(new MessageDeleted(m.id, c.id, c.spaceId, m.threadRootId, actor.id()));
        if (m.threadRootId != null) {
            Message root = em.find(Message.class, m.threadRootId, LockModeType.PESSIMISTIC_WRITE);
            root.replyCount = Math.max(0, root.replyCount - 1);
            events.append(threadUpdated(root, c));
        }
    }

    /** Adds ({@code add}) or takes back the caller's reaction; both are idempotent. */
    @Transactional
    public MessageView react(UUID messageId, String emoji, boolean add) {
        Actor actor = current.require();
        Message m = readable(actor.id(), messageId);
        String e = validEmoji(emoji);
        Conversation c = access.writable(actor.id(), m.conversationId);
        if (m.deletedAt != null) {
            throw ProblemException.conflict(MESSAGE_DELETED, "The message was deleted.");
        }
        em.lock(m, LockModeType.PESSIMISTIC_WRITE);
        if (add) {
            if (!reactions.exists(m.id, e) && reactions.distinctCount(m.id) >= MAX_DISTINCT_REACTIONS) {
                throw ProblemException.conflict(TOO_MANY_REACTIONS,
                        "A message has at most " + MAX_DISTINCT_REACTIONS + " different reactions; add yours to one of them.");
            }
            if (reactions.add(m.id, actor.id(), e)) {
                events.append(new ReactionAdded(m.id, c.id, c.spaceId, e, actor.id()));
            }
        } else if (reactions.remove(m.id, actor.id(), e)) {
            events.append(new ReactionRemoved(m.id, c.id, c.spaceId, e, actor.id()));
        }
        return views.of(m);
    }

    @Transactional
    public MessageView pin(UUID messageId, boolean pinned) {
        Actor actor = current.require();
        Message m = readable(actor.id(), messageId);
        Conversation c = access.writable(actor.id(), m.conversationId);
        if (pinned) {
            if (m.deletedAt != null) {
                throw ProblemException.conflict(MESSAGE_DELETED, "The message was deleted.");
            }
            if (reactions.pin(c.id, m.id, actor.id())) {
                events.append(new MessagePinned(m.id, c.id, c.spaceId, actor.id()));
            }
        } else if (reactions.unpin(c.id, m.id)) {
            events.append(new MessageUnpinned(m.id, c.id, c.spaceId, actor.id()));
        }
        return views.of(m);
    }

    @Transactional
    public List<MessageView> pins(UUID conversationId) {
        Actor actor = current.require();
        Conversation c = access.readable(actor.id(), conversationId);
        List<UUID> ids = reactions.pinned(c.id);
        List<Message> pinned = ids.stream().map(messages::findById).filter(Objects::nonNull).toList();
        return views.of(pinned);
    }

    @Transactional
    public void follow(UUID rootId, boolean following) {
        Actor actor = current.require();
        Message root = readable(actor.id(), rootId);
        if (root.threadRootId != null) {
            throw ProblemException.invalid("messageId", "Follow a thread by its first message.");
        }
        reactions.setFollowing(root.id, actor.id(), following);
        events.append(new ThreadFollowChanged(actor.id(), root.id, following));
    }

    /**
     * Who has read a message: only where the installation enables read receipts (off by default,
     * since they let anyone watch colleagues' reading); otherwise they do not exist.
     */
    @Transactional
    public List<UUID> readers(UUID messageId) {
        Actor actor = current.require();
        if (!config.readReceipts()) {
            throw new ProblemException(404, READ_RECEIPTS_OFF, "Read receipts are off",
                    "This installation does not keep read receipts.");
        }
        Message m = readable(actor.id(), messageId);
        return conversations.readersUpTo(m.conversationId, m.seq).stream().filter(id -> !id.equals(m.authorId)).toList();
    }

    /** The message if the person may read its conversation, else the 404 of an unknown id. */
    Message readable(UUID personId, UUID messageId) {
        Message m = messages.findByIdOptional(messageId).orElseThrow(() -> ProblemException.notFound(MESSAGE_NOT_FOUND));
        Conversation c = conversations.findById(m.conversationId);
        if (!access.canRead(personId, c)) {
            throw ProblemException.notFound(MESSAGE_NOT_FOUND);
        }
        return m;
    }

    private long seqIn(Conversation c, UUID messageId, String field) {
        return messages.findByIdOptional(messageId).filter(m -> m.conversationId.equals(c.id)).map(m -> m.seq)
                .orElseThrow(() -> ProblemException.invalid(field, "This conversation has no message with this id."));
    }

    private ThreadUpdated threadUpdated(Message root, Conversation c) {
        List<UUID> participants = new ArrayList<>();
        for (Object[] row : reactions.threadParticipants(List.of(root.id))) {
            participants.add((UUID) row[1]);
        }
        return new ThreadUpdated(root.id, c.id, c.spaceId, root.replyCount, root.lastReplyAt, participants);
    }

    private static String validBody(String body) {
        if (body == null || body.isBlank()) {
            throw ProblemException.invalid("body", "A message needs some text.");
        }
        if (body.length() > MAX_LENGTH) {
            throw ProblemException.invalid("body", "A message has at most " + MAX_LENGTH + " characters; this one has "
                    + body.length() + ".");
        }
        return body;
    }

    /** A shortcode such as {@code :thumbsup:} or one Unicode emoji (with its modifiers, joiners and selectors). */
    static String validEmoji(String emoji) {
        if (emoji != null && emoji.matches(":[a-z0-9_+-]{1,50}:")) {
            return emoji;
        }
        boolean valid = emoji != null && !emoji.isEmpty() && emoji.length() <= 32
                && emoji.codePoints().allMatch(cp -> Character.isEmoji(cp) || Character.isEmojiComponent(cp)
                        || cp == 0x200D || cp == 0xFE0F || cp == 0x20E3)
                && emoji.codePoints().anyMatch(cp -> Character.isExtendedPictographic(cp) || Character.isEmojiPresentation(cp));
        if (!valid) {
            throw ProblemException.invalid("emoji", "A reaction is a shortcode like :thumbsup: or one emoji.");
        }
        return emoji;
    }

    /** Who a message notifies: mentioned people who can read it, and @space/@here under their rules. */
    private Mentioned mentioned(Conversation c, UUID authorId, Set<String> mentions) {
        Set<String> names = new LinkedHashSet<>(mentions);
        boolean here = names.remove("here");
        boolean space = names.remove("space");
        Set<UUID> notify = new LinkedHashSet<>();
        for (String name : names) {
            people.findByUsername(name).filter(p -> p.active() && !p.id().equals(authorId))
                    .filter(p -> access.canRead(p.id(), c)).ifPresent(p -> notify.add(p.id()));
        }
        if (space || here) {
            Set<UUID> audience = new LinkedHashSet<>(c.spaceId != null ? spaces.memberIds(c.spaceId) : conversations.participants(c.id));
            if (space && c.spaceId != null && audience.size() > config.spaceMentionLimit()
                    && !spaces.canModerate(authorId, c.spaceId)) {
                space = false;
            }
            if (space) {
                notify.addAll(audience);
            }
            if (here && presence.isResolvable()) {
                Set<UUID> online = presence.get().online();
                audience.stream().filter(online::contains).forEach(notify::add);
            }
            notify.remove(authorId);
        }
        return new Mentioned(notify, space, here);
    }

    private record Mentioned(Set<UUID> personIds, boolean space, boolean here) {
    }
}
