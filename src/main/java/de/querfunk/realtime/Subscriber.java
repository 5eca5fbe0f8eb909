package de.querfunk.realtime;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.logging.Logger;

import de.querfunk.identity.Authentication;
import de.querfunk.platform.events.RecordedEvent;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;

/**
 * One open socket: whose it is, which streams it follows and the last position it was sent.
 * While it replays missed events from the log, live events wait in {@code pending}; afterwards
 * they are sent at once. Every send goes through this object's lock, so frames leave in position
 * order and none is sent twice.
 */
final class Subscriber {

    static final int SLOW_CONSUMER = 4008;
    private static final Logger LOG = Logger.getLogger(Subscriber.class);

    final WebSocketConnection connection;
    final UUID personId;
    final UUID sessionId;
    final UUID tokenId;
    private volatile Authentication authentication;
    private volatile long verifiedAt;
    final Set<String> keys = ConcurrentHashMap.newKeySet();
    private final int maxQueued;
    private final AtomicInteger queued = new AtomicInteger();
    private final Queue<RecordedEvent> pending = new ArrayDeque<>();
    private boolean replaying = true;
    private boolean dropped;
    /** Whether this socket counts towards its person's presence. */
    volatile boolean countedOnline;
    private final java.util.function.Consumer<Subscriber> onOverflow;
    private long cursor;

    Subscriber(WebSocketConnection connection, Authentication authentication, int maxQueued,
            java.util.function.Consumer<Subscriber> onOverflow) {
        this.connection = connection;
        this.onOverflow = onOverflow;
        this.personId = authentication.actor().id();
        this.sessionId = authentication.sessionId();
        this.tokenId = authentication.tokenId();
        this.maxQueued = maxQueued;
        verified(authentication);
    }

    /** The credential's verification, or null when it is older than {@code maxAge} and must be checked again. */
    Authentication authentication(Duration maxAge) {
        return System.nanoTime() - verifiedAt > maxAge.toNanos() ? null : authentication;
    }

    void verified(Authentication authentication) {
        this.authentication = authentication;
        this.verifiedAt = System.nanoTime();
    }

    /** Where the replay starts: the client's cursor, or the head for a client without one. */
    synchronized void startAt(long position) {
        cursor = position;
    }

    synchronized long cursor() {
        return cursor;
    }

    /** A live event: sent now, or after the replay, or not at all when the replay covered it. */
    synchronized void offer(RecordedEvent event, String frame) {
        if (replaying) {
            pending.add(event);
        } else if (event.position() > cursor) {
            send(frame);
            cursor = event.position();
        }
    }

    /** An event read from the log during replay. */
    synchronized void replayed(RecordedEvent event, String frame) {
        if (event.position() > cursor) {
            send(frame);
            cursor = event.position();
        }
    }

    /** Ends the replay: live events that arrived meanwhile and were not replayed go out now. */
    synchronized void goLive(java.util.function.Function<RecordedEvent, String> render) {
        RecordedEvent e;
        while ((e = pending.poll()) != null) {
            if (e.position() > cursor && keys.contains(e.streamKey())) {
                send(render.apply(e));
                cursor = e.position();
            }
        }
        replaying = false;
    }

    /** An ephemeral frame (typing, presence, acknowledgement): no cursor, never replayed. */
    synchronized void sendEphemeral(String frame) {
        send(frame);
    }

    private void send(String frame) {
        if (dropped || connection.isClosed()) {
            return;
        }
        if (queued.incrementAndGet() > maxQueued) {
            // Stop feeding it at once; the close itself may wait behind the unsent frames.
            dropped = true;
            LOG.debugf("Closing socket %s of %s: %d frames unsent", connection.id(), personId, queued.get());
            onOverflow.accept(this);
            connection.close(new CloseReason(SLOW_CONSUMER, "slow consumer: reconnect with your last cursor"))
                    .subscribe().with(x -> { }, x -> { });
            return;
        }
        connection.sendText(frame).subscribe().with(x -> queued.decrementAndGet(), x -> queued.decrementAndGet());
    }
}
