package de.querfunk.realtime;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import de.querfunk.chat.ChatEvents.ConversationStarted;
import de.querfunk.chat.ChatEvents.ParticipantAdded;
import de.querfunk.identity.IdentityEvents.AccessTokenRevoked;
import de.querfunk.identity.IdentityEvents.PersonDeactivated;
import de.querfunk.identity.IdentityEvents.SessionEnded;
import de.querfunk.platform.events.EventLog;
import de.querfunk.platform.events.RecordedEvent;
import de.querfunk.space.SpaceEvents.MemberAdded;
import de.querfunk.space.SpaceEvents.MemberJoined;
import de.querfunk.space.SpaceEvents.MemberLeft;
import de.querfunk.space.SpaceEvents.MemberRemoved;
import de.querfunk.space.SpaceEvents.SpaceCreated;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.websockets.next.CloseReason;
import io.smallrye.common.annotation.Blocking;

/**
 * Fans committed events out to the open sockets that follow their stream. Joining a stream
 * takes effect before the event that grants it is delivered (the new member sees their own
 * join); leaving takes effect right after (the leaver learns they left, then nothing more).
 * The live channel is only a fast path: a gap in positions is filled from the log.
 */
@ApplicationScoped
class RealtimeEvents {

    static final int DEACTIVATED = 4403;
    static final int SESSION_ENDED = 4401;
    private static final Logger LOG = Logger.getLogger(RealtimeEvents.class);

    @Inject
    Connections connections;

    @Inject
    EventLog log;

    private long last = -1;

    void start(@Observes StartupEvent event) {
        synchronized (this) {
            if (last < 0) {
                last = log.head();
            }
        }
    }

    @Incoming("domain-events")
    @Blocking
    synchronized void on(RecordedEvent event) {
        if (last >= 0 && event.position() > last + 1) {
            for (RecordedEvent missed : log.readAfter(last, (int) Math.min(10_000, event.position() - last - 1))) {
                if (missed.position() < event.position()) {
                    deliver(missed);
                }
            }
        }
        if (event.position() > last) {
            deliver(event);
            last = event.position();
        }
    }

    private void deliver(RecordedEvent e) {
        try {
            before(e);
            if (e.streamKey() != null) {
                String frame = Frames.event(e);
                for (Subscriber s : connections.following(e.streamKey())) {
                    s.offer(e, frame);
                }
            }
            after(e);
        } catch (RuntimeException ex) {
            LOG.warnf(ex, "Event %d (%s) not delivered to sockets", e.position(), e.type());
        }
    }

    private void before(RecordedEvent e) {
        if (e.is(MemberJoined.class)) {
            var m = e.as(MemberJoined.class);
            connections.follow(m.personId(), StreamAudience.space(m.spaceId()));
        } else if (e.is(MemberAdded.class)) {
            var m = e.as(MemberAdded.class);
            connections.follow(m.personId(), StreamAudience.space(m.spaceId()));
        } else if (e.is(SpaceCreated.class)) {
            var s = e.as(SpaceCreated.class);
            connections.follow(s.by(), StreamAudience.space(s.spaceId()));
        } else if (e.is(ConversationStarted.class)) {
            var c = e.as(ConversationStarted.class);
            for (UUID p : c.participantIds()) {
                connections.follow(p, StreamAudience.conversation(c.conversationId()));
            }
        } else if (e.is(ParticipantAdded.class)) {
            var p = e.as(ParticipantAdded.class);
            connections.follow(p.personId(), StreamAudience.conversation(p.conversationId()));
        }
    }

    private void after(RecordedEvent e) {
        if (e.is(MemberLeft.class)) {
            var m = e.as(MemberLeft.class);
            connections.unfollow(m.personId(), StreamAudience.space(m.spaceId()));
        } else if (e.is(MemberRemoved.class)) {
            var m = e.as(MemberRemoved.class);
            connections.unfollow(m.personId(), StreamAudience.space(m.spaceId()));
        } else if (e.is(PersonDeactivated.class)) {
            var d = e.as(PersonDeactivated.class);
            for (Subscriber s : connections.of(d.personId())) {
                s.connection.close(new CloseReason(DEACTIVATED, "account deactivated")).subscribe().with(x -> { }, x -> { });
            }
        } else if (e.is(AccessTokenRevoked.class)) {
            var revoked = e.as(AccessTokenRevoked.class);
            for (Subscriber s : connections.of(revoked.personId())) {
                if (revoked.tokenId().equals(s.tokenId)) {
                    s.connection.close(new CloseReason(SESSION_ENDED, "token revoked")).subscribe().with(x -> { }, x -> { });
                }
            }
        } else if (e.is(SessionEnded.class)) {
            var ended = e.as(SessionEnded.class);
            for (Subscriber s : connections.of(ended.personId())) {
                if (ended.sessionId().equals(s.sessionId)) {
                    s.connection.close(new CloseReason(SESSION_ENDED, "signed out")).subscribe().with(x -> { }, x -> { });
                }
            }
        }
    }
}
