package de.querfunk.bench.realtime;

import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * An XMPP client over WebSocket (RFC 7395): open, SASL PLAIN, re-open, bind, session, join the
 * multi-user chat room without history, then groupchat messages. The room reflects each message
 * to its sender after archiving it; that reflection stands for Querfunk's ack.
 */
final class XmppConn extends Conn {

    private static final String OPEN = "<open xmlns=\"urn:ietf:params:xml:ns:xmpp-framing\" to=\"%s\" version=\"1.0\"/>";

    private enum State { AUTH, AUTHED, BIND, SESSION, JOIN, READY }

    private final String domain;
    private final String user;
    private final String password;
    private volatile State state = State.AUTH;

    XmppConn(int index, Room room, Sink sink, String domain, String user, String password) {
        super(index, room, sink);
        this.domain = domain;
        this.user = user;
        this.password = password;
    }

    @Override
    void configure(WebSocket.Builder builder) {
        builder.subprotocols("xmpp");
    }

    @Override
    void started() {
        sendText(OPEN.formatted(domain));
    }

    @Override
    void handle(String frame, long now) {
        if (state == State.READY) {
            if (frame.startsWith("<message")) {
                if (frame.contains("type=\"error\"") || frame.contains("type='error'")) {
                    sink.error(this, frame);
                    return;
                }
                Stamp s = Stamp.find(frame);
                if (s != null) {
                    if (s.sender() == index) {
                        sink.acked(this, s, now);
                    } else {
                        sink.delivered(this, s, now);
                    }
                }
            } else if (frame.startsWith("<close") || frame.contains("<stream:error")) {
                sink.dropped(this, frame);
            }
            return;
        }
        switch (state) {
            case AUTH -> {
                if (frame.contains("<mechanisms")) {
                    String plain = "\0" + user + "\0" + password;
                    sendText("<auth xmlns=\"urn:ietf:params:xml:ns:xmpp-sasl\" mechanism=\"PLAIN\">"
                            + Base64.getEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8)) + "</auth>");
                } else if (frame.contains("<success")) {
                    state = State.AUTHED;
                    sendText(OPEN.formatted(domain));
                } else if (frame.contains("<failure")) {
                    ready.completeExceptionally(new IllegalStateException("SASL failed for " + user + ": " + frame));
                }
            }
            case AUTHED -> {
                if (frame.contains("<bind")) {
                    state = State.BIND;
                    sendText("<iq xmlns=\"jabber:client\" type=\"set\" id=\"b1\"><bind xmlns=\"urn:ietf:params:xml:ns:xmpp-bind\">"
                            + "<resource>bench</resource></bind></iq>");
                }
            }
            case BIND -> {
                if (frame.startsWith("<iq") && frame.contains("b1")) {
                    if (!frame.contains("type=\"result\"") && !frame.contains("type='result'")) {
                        ready.completeExceptionally(new IllegalStateException("bind failed: " + frame));
                        return;
                    }
                    state = State.SESSION;
                    sendText("<iq xmlns=\"jabber:client\" type=\"set\" id=\"s1\"><session xmlns=\"urn:ietf:params:xml:ns:xmpp-session\"/></iq>");
                }
            }
            case SESSION -> {
                if (frame.startsWith("<iq") && frame.contains("s1")) {
                    state = State.JOIN;
                    sendText("<presence xmlns=\"jabber:client\" to=\"" + room.ref + "/" + user + "\"><x xmlns=\"http://jabber.org/protocol/muc\">"
                            + "<history maxstanzas=\"0\"/></x></presence>");
                }
            }
            case JOIN -> {
                if (frame.startsWith("<presence") && (frame.contains("code=\"110\"") || frame.contains("code='110'"))) {
                    state = State.READY;
                    ready.complete(null);
                } else if (frame.startsWith("<presence") && frame.contains("type=\"error\"")) {
                    ready.completeExceptionally(new IllegalStateException("join failed: " + frame));
                }
            }
            default -> {
            }
        }
    }

    @Override
    void send(Stamp s) {
        sendText("<message xmlns=\"jabber:client\" to=\"" + room.ref + "\" type=\"groupchat\" id=\"m" + s.seq() + "\"><body>"
                + s.body() + "</body></message>");
    }
}
