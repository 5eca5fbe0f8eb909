package de.querfunk.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A real WebSocket client of {@code /api/v1/stream} (the JDK's), signed in as a persona. It
 * keeps every frame it receives and the cursor of the last event, as a client app would.
 */
public final class StreamClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final List<JsonNode> frames = new CopyOnWriteArrayList<>();
    private final CompletableFuture<int[]> closed = new CompletableFuture<>();
    private volatile String cursor;
    private final WebSocket socket;

    private StreamClient(URI uri, Persona persona, String origin) {
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        if (persona != null) {
            builder.header("Cookie", "qf_session=" + persona.sessionCookie());
        }
        if (origin != null) {
            builder.header("Origin", origin);
        }
        this.socket = builder.buildAsync(uri, new Listener()).join();
    }

    /** Connects as {@code persona} from the server's own origin, resuming after {@code cursor} if given. */
    public static StreamClient connect(URI base, Persona persona, String cursor) {
        return new StreamClient(streamUri(base, cursor), persona, "http://" + base.getHost() + ":" + base.getPort());
    }

    public static StreamClient connectWithOrigin(URI base, Persona persona, String origin) {
        return new StreamClient(streamUri(base, null), persona, origin);
    }

    public static URI streamUri(URI base, String cursor) {
        return URI.create("ws://" + base.getHost() + ":" + base.getPort() + "/api/v1/stream"
                + (cursor == null ? "" : "?cursor=" + cursor));
    }

    public void send(Object frame) {
        try {
            socket.sendText(JSON.writeValueAsString(frame), true).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public void sendRaw(String text) {
        socket.sendText(text, true).join();
    }

    public List<JsonNode> frames() {
        return new ArrayList<>(frames);
    }

    /** The events received, in order. */
    public List<JsonNode> events() {
        return frames.stream().filter(f -> "event".equals(f.path("type").asText())).toList();
    }

    public List<JsonNode> events(String eventType) {
        return events().stream().filter(f -> eventType.equals(f.path("event").asText())).toList();
    }

    public String cursor() {
        return cursor;
    }

    /** Waits until a frame matching {@code test} arrived and returns it. */
    public JsonNode await(Predicate<JsonNode> test, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            for (JsonNode f : frames) {
                if (test.test(f)) {
                    return f;
                }
            }
            sleep(10);
        }
        throw new AssertionError("no matching frame within " + timeout + "; got " + frames);
    }

    /** Waits for the server's greeting, which also carries the cursor to resume from. */
    public JsonNode hello() {
        return await(f -> "hello".equals(f.path("type").asText()), Duration.ofSeconds(10));
    }

    public JsonNode awaitEvent(String eventType, Predicate<JsonNode> data) {
        return await(f -> "event".equals(f.path("type").asText()) && eventType.equals(f.path("event").asText())
                && data.test(f.path("data")), Duration.ofSeconds(10));
    }

    /** The close code the server sent, waiting for it. */
    public int awaitClose(Duration timeout) {
        try {
            return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS)[0];
        } catch (Exception e) {
            throw new AssertionError("socket not closed within " + timeout, e);
        }
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(x -> null);
        }
        socket.abort();
    }

    /** Drops the connection without a closing handshake, as a network cut would. */
    public void cut() {
        socket.abort();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode frame = JSON.readTree(partial.toString());
                    if ("event".equals(frame.path("type").asText())) {
                        cursor = frame.path("cursor").asText();
                    } else if ("hello".equals(frame.path("type").asText()) && cursor == null) {
                        cursor = frame.path("cursor").asText();
                    }
                    frames.add(frame);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closed.complete(new int[] { statusCode });
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed.complete(new int[] { -1 });
        }
    }
}
