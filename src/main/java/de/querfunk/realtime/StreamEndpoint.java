package de.querfunk.realtime;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import de.querfunk.chat.ChatDirectory;
import de.querfunk.chat.MessageService;
import de.querfunk.chat.MessageView;
import de.querfunk.identity.Authentication;
import de.querfunk.identity.Authenticator;
import de.querfunk.identity.Credential;
import de.querfunk.identity.CurrentPerson;
import de.querfunk.platform.events.EventLog;
import de.querfunk.platform.events.RecordedEvent;
import de.querfunk.platform.problem.ProblemException;
import de.querfunk.platform.problem.Problems;
import io.quarkus.arc.ClientProxy;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;

/**
 * The one socket per client. It carries every event of the streams the person follows, each
 * with its cursor; connecting with {@code ?cursor=} replays exactly the events missed since, or
 * sends {@code resync-required} when that cursor is older than the retention window. Clients
 * send messages, typing and presence over it too.
 */
@WebSocket(path = "/api/v1/stream")
public class StreamEndpoint {

    static final int MALFORMED_FRAME = 1007;
    static final int MESSAGE_TOO_BIG = 1009;
    private static final Logger LOG = Logger.getLogger(StreamEndpoint.class);
    private static final int REPLAY_BATCH = 500;
    /**
     * How long a socket acts on the credential it verified without looking it up again. Ending a
     * session, revoking a token and deactivating a person close the socket at once; this bounds
     * what no event announces, a session that simply expires.
     */
    private static final Duration RECHECK_INTERVAL = Duration.ofMinutes(1);

    @Inject
    WebSocketConnection connection;

    @Inject
    Connections connections;

    @Inject
    StreamAudience audience;

    @Inject
    EventLog log;

    @Inject
    RealtimeConfig config;

    @Inject
    Presence presence;

    @Inject
    CurrentPerson current;

    @Inject
    Authenticator authenticator;

    @Inject
    MessageService messages;

    @Inject
    ChatDirectory chat;

    @Inject
    ObjectMapper json;

    @OnOpen
    void open() {
        Authentication auth = connection.userData().get(StreamUpgradeCheck.AUTHENTICATION);
        if (auth == null) {
            connection.closeAndAwait(new CloseReason(RealtimeEvents.SESSION_ENDED, "not authenticated"));
            return;
        }
        UUID personId = auth.actor().id();
        // The injected connection is a proxy bound to this callback; live delivery needs the connection itself.
        WebSocketConnection self = ClientProxy.unwrap(connection);
        Subscriber s = new Subscriber(self, auth, config.maxQueuedFrames(), this::forget);
        s.keys.addAll(audience.keysOf(personId));
        connections.add(s); // from here on live events queue up while we replay
        long head = log.head();
        Long cursor = cursor(connection.handshakeRequest().query());
        boolean resync = cursor != null && (cursor < 0 || cursor > head
                || cursor < log.firstPositionSince(Instant.now().minus(config.retention())) - 1);
        long start = cursor == null || resync ? head : cursor;
        s.startAt(start);
        Map<String, Object> hello = new LinkedHashMap<>();
        hello.put("cursor", Long.toString(start));
        hello.put("personId", personId);
        hello.put("presenceEnabled", config.presenceEnabled());
        s.sendEphemeral(Frames.of(json, "hello", hello));
        if (resync) {
            s.sendEphemeral(Frames.of(json, "resync-required", Map.of("cursor", Long.toString(head))));
        } else {
            List<RecordedEvent> batch;
            do {
                batch = log.readStreams(s.cursor(), s.keys, REPLAY_BATCH);
                for (RecordedEvent e : batch) {
                    s.replayed(e, Frames.event(e));
                }
            } while (batch.size() == REPLAY_BATCH);
        }
        s.goLive(Frames::event);
        if (config.presenceEnabled()) {
            s.sendEphemeral(Frames.of(json, "presence-snapshot", Map.of("people", presence.snapshot())));
            presence.connected(personId);
            s.countedOnline = true;
        }
    }

    @OnTextMessage
    void message(String text) {
        Subscriber s = connections.get(connection.id());
        if (s == null) {
            return;
        }
        JsonNode frame;
        try {
            frame = json.readTree(text);
        } catch (JsonProcessingException e) {
            frame = null;
        }
        if (frame == null || !frame.isObject() || !frame.path("type").isTextual()) {
            connection.closeAndAwait(new CloseReason(MALFORMED_FRAME, "frames are JSON objects with a type"));
            return;
        }
        String requestId = frame.path("requestId").asText(null);
        try {
            switch (frame.path("type").asText()) {
                case "send" -> send(s, frame, requestId);
                case "typing" -> typing(s, frame);
                case "presence" -> {
                    if (config.presenceEnabled()) {
                        presence.setAway(s.personId, "away".equals(frame.path("status").asText()));
                    }
                }
                case "ping" -> s.sendEphemeral(Frames.of(json, "pong", requestId == null ? Map.of() : Map.of("requestId", requestId)));
                default -> error(s, requestId, ProblemException.badRequest(Problems.BAD_REQUEST,
                        "Unknown frame type; send, typing, presence and ping are understood."));
            }
        } catch (ProblemException e) {
            error(s, requestId, e);
        } catch (RuntimeException e) {
            String errorId = UUID.randomUUID().toString();
            LOG.errorf(e, "Unexpected failure %s on socket frame", errorId);
            error(s, requestId, new ProblemException(500, Problems.INTERNAL, "Internal error",
                    "Something went wrong on the server; quote error id " + errorId + " when reporting it."));
        }
    }

    @OnClose
    void close() {
        Subscriber s = connections.get(connection.id());
        if (s != null) {
            forget(s);
        }
    }

    /** Takes a socket out of delivery, once, whether it closed or fell too far behind. */
    private void forget(Subscriber s) {
        if (connections.remove(s.connection.id()) != null && s.countedOnline) {
            presence.disconnected(s.personId);
        }
    }

    /** Vert.x reports a message over the size limit as a failure and keeps the socket open; we close it. */
    @OnError
    void failure(WebSocketConnection failed, Throwable t) {
        LOG.debugf("Socket %s failed: %s", failed.id(), t.getMessage());
        if (t.getMessage() != null && t.getMessage().contains("max message size")) {
            failed.close(new CloseReason(MESSAGE_TOO_BIG, "frames are at most 64 KiB")).subscribe().with(x -> { }, x -> { });
        }
    }

    /** Posting over the socket: the same idempotency and the same acknowledgement as over REST. */
    private void send(Subscriber s, JsonNode frame, String requestId) {
        Authentication auth = s.authentication(RECHECK_INTERVAL);
        if (auth == null) {
            Credential credential = connection.userData().get(StreamUpgradeCheck.CREDENTIAL);
            auth = authenticator.authenticate(credential).orElse(null);
            if (auth == null) {
                connection.closeAndAwait(new CloseReason(RealtimeEvents.SESSION_ENDED, "signed out"));
                return;
            }
            s.verified(auth);
        }
        // The origin was checked at the upgrade; the session's own CSRF token stands for it here.
        current.verified(auth, "POST", auth.csrfToken());
        UUID conversationId = uuid(frame, "conversationId", true);
        MessageView view = messages.post(conversationId, frame.path("body").asText(null),
                frame.path("idempotencyKey").asText(null), uuid(frame, "threadRootId", false),
                frame.path("alsoInChannel").asBoolean(false));
        Map<String, Object> ack = new LinkedHashMap<>();
        if (requestId != null) {
            ack.put("requestId", requestId);
        }
        ack.put("message", view);
        s.sendEphemeral(Frames.of(json, "ack", ack));
    }

    private void typing(Subscriber s, JsonNode frame) {
        if (!config.presenceEnabled()) {
            return;
        }
        UUID conversationId = uuid(frame, "conversationId", true);
        chat.readableStreamKey(s.personId, conversationId).filter(s.keys::contains).ifPresent(key -> {
            String out = Frames.of(json, "typing", Map.of("conversationId", conversationId, "personId", s.personId));
            for (Subscriber other : connections.following(key)) {
                if (!other.personId.equals(s.personId)) {
                    other.sendEphemeral(out);
                }
            }
        });
    }

    private void error(Subscriber s, String requestId, ProblemException e) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", e.type());
        problem.put("title", e.title());
        problem.put("status", e.status());
        problem.put("detail", e.getMessage());
        if (!e.errors().isEmpty()) {
            problem.put("errors", e.errors());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        if (requestId != null) {
            out.put("requestId", requestId);
        }
        out.put("problem", problem);
        s.sendEphemeral(Frames.of(json, "error", out));
    }

    private static UUID uuid(JsonNode frame, String field, boolean required) {
        String value = frame.path(field).asText(null);
        if (value == null || value.isBlank()) {
            if (required) {
                throw ProblemException.invalid(field, field + " is required.");
            }
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, field + " is not an id.");
        }
    }

    private static Long cursor(String query) {
        if (query == null) {
            return null;
        }
        for (String part : query.split("&")) {
            if (part.startsWith("cursor=")) {
                try {
                    return Long.parseLong(part.substring(7));
                } catch (NumberFormatException e) {
                    return -1L;
                }
            }
        }
        return null;
    }
}
