package de.querfunk.bench.realtime;

/** What a protocol adapter reports about received frames. */
interface Sink {

    /** A message arrived at a member other than its sender. */
    void delivered(Conn to, Stamp stamp, long nowNanos);

    /** The server confirmed a message to its sender (Querfunk's ack, XMPP's reflected groupchat message). */
    void acked(Conn by, Stamp stamp, long nowNanos);

    void error(Conn on, String frame);

    /** A connection that was ready closed without the driver asking. */
    void dropped(Conn c, String why);
}
