package de.querfunk.realtime;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import de.querfunk.chat.PresenceDirectory;

/**
 * Online, away or offline, nothing else: no durations and no "last seen", by design (works
 * councils object to anything that can measure performance). Kept in memory only, never stored,
 * and absent altogether when the installation switches presence off.
 */
@ApplicationScoped
class Presence implements PresenceDirectory {

    private final Map<UUID, State> states = new ConcurrentHashMap<>();
    private final Connections connections;
    private final RealtimeConfig config;
    private final ObjectMapper json;

    Presence(Connections connections, RealtimeConfig config, ObjectMapper json) {
        this.connections = connections;
        this.config = config;
        this.json = json;
    }

    @Override
    public Set<UUID> online() {
        if (!config.presenceEnabled()) {
            return Set.of();
        }
        return states.entrySet().stream().filter(e -> !e.getValue().away()).map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    Map<UUID, String> snapshot() {
        if (!config.presenceEnabled()) {
            return Map.of();
        }
        return states.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().status()));
    }

    void connected(UUID personId) {
        change(personId, states.merge(personId, new State(1, false), (a, b) -> new State(a.sockets() + 1, a.away())), null);
    }

    void disconnected(UUID personId) {
        State before = states.get(personId);
        State after = states.computeIfPresent(personId, (id, s) -> s.sockets() <= 1 ? null : new State(s.sockets() - 1, s.away()));
        change(personId, after, before);
    }

    void setAway(UUID personId, boolean away) {
        State before = states.get(personId);
        State after = states.computeIfPresent(personId, (id, s) -> new State(s.sockets(), away));
        change(personId, after, before);
    }

    private void change(UUID personId, State after, State before) {
        String status = after == null ? "offline" : after.status();
        String previous = before == null ? (after != null && after.sockets() == 1 ? "offline" : status) : before.status();
        if (!config.presenceEnabled() || status.equals(previous)) {
            return;
        }
        String frame = Frames.of(json, "presence", Map.of("personId", personId, "status", status));
        for (Subscriber s : connections.all()) {
            s.sendEphemeral(frame);
        }
    }

    private record State(int sockets, boolean away) {
        String status() {
            return away ? "away" : "online";
        }
    }
}
