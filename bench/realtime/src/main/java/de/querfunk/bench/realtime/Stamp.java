package de.querfunk.bench.realtime;

/**
 * The stamp every benchmark message carries in its body: the intended send time (the driver's
 * {@code System.nanoTime()}), the sending client and a sequence number, then filler text so the
 * body is the size of a short chat message. Latency is measured from the intended time, not from
 * the moment the send happened, so a stalled sender cannot hide a stall (coordinated omission).
 */
record Stamp(long intendedNanos, int sender, long seq) {

    static final String MARK = "qfb ";
    private static final String FILLER = " Kannst du bitte kurz auf das Ticket schauen, der Kunde wartet seit heute morgen";

    String body() {
        return MARK + intendedNanos + " " + sender + " " + seq + FILLER;
    }

    /** The stamp inside a received frame, or null when the frame carries none. */
    static Stamp find(CharSequence text) {
        int at = indexOf(text, MARK);
        if (at < 0) {
            return null;
        }
        int[] pos = { at + MARK.length() };
        long intended = number(text, pos);
        long sender = number(text, pos);
        long seq = number(text, pos);
        if (intended < 0 || sender < 0 || seq < 0) {
            return null;
        }
        return new Stamp(intended, (int) sender, seq);
    }

    private static long number(CharSequence text, int[] pos) {
        int i = pos[0];
        long v = 0;
        int digits = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                break;
            }
            v = v * 10 + (c - '0');
            i++;
            digits++;
        }
        pos[0] = i + 1;
        return digits == 0 ? -1 : v;
    }

    static int indexOf(CharSequence text, String needle) {
        if (text instanceof String s) {
            return s.indexOf(needle);
        }
        return text.toString().indexOf(needle);
    }
}
