package de.querfunk.bench.realtime;

import java.util.ArrayList;
import java.util.List;

/** One conversation (Querfunk) or multi-user chat room (XMPP) of the run, with its connected members. */
final class Room {

    final int index;
    /** The conversation id, or the room's JID. */
    final String ref;
    final List<Conn> members = new ArrayList<>();

    Room(int index, String ref) {
        this.index = index;
        this.ref = ref;
    }

    int connected() {
        int n = 0;
        for (Conn c : members) {
            if (c.live()) {
                n++;
            }
        }
        return n;
    }
}
