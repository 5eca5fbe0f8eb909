package de.querfunk.bench.realtime;

import java.net.http.WebSocket;

/** A Querfunk client: bearer token on the upgrade, {@code send} frames out, acks and events in. */
final class QuerfunkConn extends Conn {

    private final String token;
    private final String runId;

    QuerfunkConn(int index, Room room, Sink sink, String token, String runId) {
        super(index, room, sink);
        this.token = token;
        this.runId = runId;
    }

    @Override
    void configure(WebSocket.Builder builder) {
        builder.header("Authorization", "Bearer " + token);
    }

    @Override
    void started() {
        // the server speaks first: hello
    }

    @Override
    void handle(String frame, long now) {
        if (frame.startsWith("{\"type\":\"event\"")) {
            if (frame.startsWith("\"event\":\"MessagePosted\"", frame.indexOf(",\"event\":") + 1)) {
                Stamp s = Stamp.find(frame);
                if (s != null && s.sender() != index) {
                    sink.delivered(this, s, now);
                }
            }
        } else if (frame.startsWith("{\"type\":\"ack\"")) {
            Stamp s = Stamp.find(frame);
            if (s != null) {
                sink.acked(this, s, now);
            }
        } else if (frame.startsWith("{\"type\":\"hello\"")) {
            ready.complete(null);
        } else if (frame.startsWith("{\"type\":\"error\"")) {
            sink.error(this, frame);
        }
    }

    @Override
    void send(Stamp s) {
        sendText("{\"type\":\"send\",\"requestId\":\"" + s.seq() + "\",\"conversationId\":\"" + room.ref
                + "\",\"body\":\"" + s.body() + "\",\"idempotencyKey\":\"" + runId + "-" + s.seq() + "\"}");
    }
}
