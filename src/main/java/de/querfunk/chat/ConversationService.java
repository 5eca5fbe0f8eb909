package de.querfunk.chat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import de.querfunk.chat.ChatEvents.ConversationPreferencesChanged;
import de.querfunk.chat.ChatEvents.ConversationStarted;
import de.querfunk.chat.ChatEvents.ParticipantAdded;
import de.querfunk.chat.ChatEvents.ReadPositionMoved;
import de.querfunk.chat.persistence.Conversation;
import de.querfunk.chat.persistence.ConversationParticipant;
import de.querfunk.chat.persistence.ConversationRepository;
import de.querfunk.chat.persistence.ConversationState;
import de.querfunk.chat.persistence.Message;
import de.querfunk.chat.persistence.MessageRepository;
import de.querfunk.identity.Actor;
import de.querfunk.identity.CurrentPerson;
import de.querfunk.identity.People;
import de.querfunk.identity.PersonSummary;
import de.querfunk.platform.events.EventLog;
import de.querfunk.platform.problem.ProblemException;
import de.querfunk.space.SpaceAccess;

/** Conversations: each space's channel, direct conversations of two, groups of up to 25, and each person's state in them. */
@ApplicationScoped
public class ConversationService {

    static final String GROUP_FULL = "/problems/group-full";
    static final String NOT_A_GROUP = "/problems/not-a-group";

    private final ConversationRepository conversations;
    private final MessageRepository messages;
    private final ConversationAccess access;
    private final SpaceAccess spaces;
    private final People people;
    private final CurrentPerson current;
    private final EventLog events;
    private final ChatConfig config;
    private final EntityManager em;

    ConversationService(ConversationRepository conversations, MessageRepository messages, ConversationAccess access,
            SpaceAccess spaces, People people, CurrentPerson current, EventLog events, ChatConfig config,
            EntityManager em) {
        this.conversations = conversations;
        this.messages = messages;
        this.access = access;
        this.spaces = spaces;
        this.people = people;
        this.current = current;
        this.events = events;
        this.config = config;
        this.em = em;
    }

    /** The channel of a space the caller may read, created the first time anyone asks for it. */
    @Transactional
    public ConversationView channel(UUID spaceId) {
        Actor actor = current.require();
        spaces.requireRead(actor.id(), spaceId);
        return view(channelOf(spaceId, actor.id()), actor.id());
    }

    Conversation channelOf(UUID spaceId, UUID by) {
        return conversations.findChannel(spaceId).orElseGet(() -> {
            UUID id = UUID.randomUUID();
            int created = em.createNativeQuery("""
                    INSERT INTO conversation (id, kind, space_id, created_by, created_at) VALUES (?1, 'channel', ?2, ?3, ?4)
                    ON CONFLICT (space_id) DO NOTHING""")
                    .setParameter(1, id).setParameter(2, spaceId).setParameter(3, by).setParameter(4, Instant.now())
                    .executeUpdate();
            if (created == 1) {
                events.append(new ConversationStarted(id, Conversation.CHANNEL, spaceId, List.of(), null, by));
            }
            return conversations.findChannel(spaceId).orElseThrow();
        });
    }

    /** The one direct conversation of the caller and another person. */
    @Transactional
    public ConversationView direct(UUID otherId) {
        Actor actor = current.require();
        PersonSummary other = people.find(otherId).filter(PersonSummary::active)
                .orElseThrow(() -> ProblemException.invalid("personId", "No active person has this id."));
        if (other.id().equals(actor.id())) {
            throw ProblemException.invalid("personId", "A direct conversation is with someone else; use a note to self later.");
        }
        UUID a = actor.id().compareTo(otherId) < 0 ? actor.id() : otherId;
        UUID b = a.equals(actor.id()) ? otherId : actor.id();
        String key = a + ":" + b;
        Conversation c = conversations.findDirect(key).orElse(null);
        if (c == null) {
            UUID id = UUID.randomUUID();
            Instant now = Instant.now();
            int created = em.createNativeQuery("""
                    INSERT INTO conversation (id, kind, direct_key, created_by, created_at) VALUES (?1, 'direct', ?2, ?3, ?4)
                    ON CONFLICT (direct_key) DO NOTHING""")
                    .setParameter(1, id).setParameter(2, key).setParameter(3, actor.id()).setParameter(4, now)
                    .executeUpdate();
            if (created == 1) {
                addParticipantRow(id, a, now);
                addParticipantRow(id, b, now);
                events.append(new ConversationStarted(id, Conversation.DIRECT, null, List.of(a, b), null, actor.id()));
            }
            c = conversations.findDirect(key).orElseThrow();
        }
        return view(c, actor.id());
    }

    /** A group conversation of the caller and the given people (at most {@link ChatConfig#groupLimit()} in all). */
    @Transactional
    public ConversationView group(List<UUID> personIds, String title) {
        Actor actor = current.require();
        Set<UUID> members = new LinkedHashSet<>();
        members.add(actor.id());
        members.addAll(personIds);
        if (members.size() < 2) {
            throw ProblemException.invalid("personIds", "A group needs at least one other person.");
        }
        if (members.size() > config.groupLimit()) {
            throw new ProblemException(400, GROUP_FULL, "Group too large", "A group has at most " + config.groupLimit()
                    + " people; use a space for more.", List.of(new ProblemException.FieldError("personIds",
                            "at most " + (config.groupLimit() - 1) + " others")), java.util.Map.of());
        }
        var found = people.summaries(members);
        for (UUID id : members) {
            if (!found.containsKey(id) || !found.get(id).active()) {
                throw ProblemException.invalid("personIds", "No active person has the id " + id + ".");
            }
        }
        Conversation c = new Conversation();
        c.id = UUID.randomUUID();
        c.kind = Conversation.GROUP;
        c.title = title == null || title.isBlank() ? null : title.strip();
        c.createdBy = actor.id();
        c.createdAt = Instant.now();
        conversations.persist(c);
        for (UUID id : members) {
            addParticipantRow(c.id, id, c.createdAt);
        }
        events.append(new ConversationStarted(c.id, Conversation.GROUP, null, List.copyOf(members), c.title, actor.id()));
        return view(c, actor.id());
    }

    /** Any participant of a group adds another person. */
    @Transactional
    public ConversationView addParticipant(UUID conversationId, UUID personId) {
        Actor actor = current.require();
        Conversation c = access.readable(actor.id(), conversationId);
        if (!Conversation.GROUP.equals(c.kind)) {
            throw ProblemException.conflict(NOT_A_GROUP, "Only group conversations take more people; start a group instead.");
        }
        conversations.lock(c.id); // concurrent additions queue here, so the limit holds
        if (conversations.isParticipant(c.id, personId)) {
            return view(c, actor.id());
        }
        people.find(personId).filter(PersonSummary::active)
                .orElseThrow(() -> ProblemException.invalid("personId", "No active person has this id."));
        if (conversations.participantCount(c.id) >= config.groupLimit()) {
            throw ProblemException.conflict(GROUP_FULL, "This group has " + config.groupLimit() + " people already.");
        }
        addParticipantRow(c.id, personId, Instant.now());
        events.append(new ParticipantAdded(c.id, personId, actor.id()));
        return view(c, actor.id());
    }

    /** The caller's conversations: channels of the spaces they belong to, their direct and group conversations. */
    @Transactional
    public List<ConversationView> mine() {
        Actor actor = current.require();
        List<Conversation> all = new ArrayList<>(conversations.channelsOf(spaces.memberSpaceIds(actor.id())));
        all.addAll(conversations.ofParticipant(actor.id()));
        return all.stream().map(c -> view(c, actor.id()))
                .sorted(Comparator.comparing(ConversationView::starred).reversed()
                        .thenComparing(ConversationView::lastSeq, Comparator.reverseOrder()))
                .toList();
    }

    @Transactional
    public ConversationView get(UUID conversationId) {
        Actor actor = current.require();
        return view(access.readable(actor.id(), conversationId), actor.id());
    }

    @Transactional
    public ConversationView setPreferences(UUID conversationId, Boolean muted, Boolean starred) {
        Actor actor = current.require();
        Conversation c = access.readable(actor.id(), conversationId);
        ConversationState s = conversations.state(c.id, actor.id());
        if (muted != null) {
            s.muted = muted;
        }
        if (starred != null) {
            s.starred = starred;
        }
        events.append(new ConversationPreferencesChanged(actor.id(), c.id, s.muted, s.starred));
        return view(c, actor.id());
    }

    /** Moves the caller's read position to a message of the conversation (backwards too, to mark unread). */
    @Transactional
    public ConversationView markRead(UUID conversationId, UUID messageId) {
        Actor actor = current.require();
        Conversation c = access.readable(actor.id(), conversationId);
        Message m = messages.findByIdOptional(messageId).filter(x -> x.conversationId.equals(c.id))
                .orElseThrow(() -> ProblemException.invalid("messageId", "This conversation has no message with this id."));
        ConversationState s = conversations.state(c.id, actor.id());
        if (s.lastReadSeq != m.seq) {
            s.lastReadSeq = m.seq;
            events.append(new ReadPositionMoved(actor.id(), c.id, m.id, m.seq));
        }
        return view(c, actor.id());
    }

    ConversationView view(Conversation c, UUID personId) {
        var state = conversations.findState(c.id, personId);
        long lastRead = state.map(s -> s.lastReadSeq).orElse(0L);
        long[] unread = messages.unread(c.id, personId, lastRead);
        List<UUID> participants = c.spaceId == null ? conversations.participants(c.id) : null;
        return new ConversationView(c.id, c.kind, c.spaceId, c.title, participants, c.createdAt, c.lastSeq, lastRead,
                unread[0], unread[1], state.map(s -> s.muted).orElse(false), state.map(s -> s.starred).orElse(false));
    }

    private void addParticipantRow(UUID conversationId, UUID personId, Instant at) {
        ConversationParticipant p = new ConversationParticipant();
        p.conversationId = conversationId;
        p.personId = personId;
        p.addedAt = at;
        em.persist(p);
    }
}
