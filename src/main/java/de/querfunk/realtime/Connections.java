package de.querfunk.realtime;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/** The open sockets of this process, indexed by the streams they follow and by person. */
@ApplicationScoped
class Connections {

    private final Map<String, Subscriber> byConnection = new ConcurrentHashMap<>();
    private final Map<String, Set<Subscriber>> byKey = new ConcurrentHashMap<>();

    void add(Subscriber s) {
        byConnection.put(s.connection.id(), s);
        for (String key : s.keys) {
            byKey.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(s);
        }
    }

    Subscriber remove(String connectionId) {
        Subscriber s = byConnection.remove(connectionId);
        if (s != null) {
            for (String key : s.keys) {
                unindex(key, s);
            }
        }
        return s;
    }

    Subscriber get(String connectionId) {
        return byConnection.get(connectionId);
    }

    Set<Subscriber> following(String key) {
        return byKey.getOrDefault(key, Set.of());
    }

    List<Subscriber> of(UUID personId) {
        return following(StreamAudience.person(personId)).stream().toList();
    }

    List<Subscriber> all() {
        return List.copyOf(byConnection.values());
    }

    void follow(UUID personId, String key) {
        for (Subscriber s : of(personId)) {
            if (s.keys.add(key)) {
                byKey.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(s);
            }
        }
    }

    void unfollow(UUID personId, String key) {
        for (Subscriber s : of(personId)) {
            if (s.keys.remove(key)) {
                unindex(key, s);
            }
        }
    }

    private void unindex(String key, Subscriber s) {
        byKey.computeIfPresent(key, (k, set) -> {
            set.remove(s);
            return set.isEmpty() ? null : set;
        });
    }
}
