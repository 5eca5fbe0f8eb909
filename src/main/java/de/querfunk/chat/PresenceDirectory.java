package de.querfunk.chat;

import java.util.Set;
import java.util.UUID;

/** Who is online now, for {@code @here}; the realtime feature provides it. */
public interface PresenceDirectory {

    Set<UUID> online();
}
