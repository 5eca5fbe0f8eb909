package de.querfunk.bench.realtime;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One client connection over the JDK's WebSocket client. Sends on a socket are chained, because
 * the JDK allows one outstanding send per socket; the sender never waits for them.
 */
abstract class Conn implements WebSocket.Listener {

    /** When any connection last received a frame: the run waits for quiet before it measures. */
    static volatile long lastFrameNanos = System.nanoTime();

    final int index;
    final Room room;
    final Sink sink;
    final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private CompletableFuture<WebSocket> tail;
    private volatile boolean closing;
    private volatile boolean gone;
    volatile WebSocket socket;

    Conn(int index, Room room, Sink sink) {
        this.index = index;
        this.room = room;
        this.sink = sink;
    }

    boolean live() {
        return ready.isDone() && !ready.isCompletedExceptionally() && !gone;
    }

    /** Connects, authenticates and joins the room; completes when messages can flow. */
    CompletableFuture<Void> open(HttpClient http, URI uri) {
        WebSocket.Builder b = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30));
        configure(b);
        b.buildAsync(uri, this).whenComplete((ws, x) -> {
            if (x != null) {
                ready.completeExceptionally(x);
            } else {
                synchronized (this) {
                    socket = ws;
                    tail = CompletableFuture.completedFuture(ws);
                }
                started();
            }
        });
        return ready;
    }

    abstract void configure(WebSocket.Builder builder);

    /** The socket is open: say hello if the protocol wants it. */
    abstract void started();

    abstract void handle(String frame, long nowNanos);

    abstract void send(Stamp stamp);

    final void sendText(String text) {
        synchronized (this) {
            if (tail == null || gone) {
                return;
            }
            tail = tail.thenCompose(ws -> ws.sendText(text, true));
            tail.exceptionally(x -> {
                if (!closing && !gone) {
                    gone = true;
                    sink.dropped(this, "send failed: " + x);
                }
                return null;
            });
        }
    }

    void close() {
        closing = true;
        WebSocket ws = socket;
        if (ws != null) {
            ws.abort();
        }
    }

    @Override
    public void onOpen(WebSocket ws) {
        ws.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        long now = System.nanoTime();
        lastFrameNanos = now;
        if (last && partial.isEmpty()) {
            handle(data.toString(), now);
        } else {
            partial.append(data);
            if (last) {
                handle(partial.toString(), now);
                partial.setLength(0);
            }
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        lost("closed " + statusCode + " " + reason);
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        lost("error " + error);
    }

    private void lost(String why) {
        if (!ready.isDone()) {
            ready.completeExceptionally(new IllegalStateException(why));
        } else if (!closing && !gone) {
            gone = true;
            sink.dropped(this, why);
        }
        gone = true;
    }
}
