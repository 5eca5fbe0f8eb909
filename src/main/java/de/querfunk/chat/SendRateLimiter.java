package de.querfunk.chat;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import de.querfunk.platform.problem.ProblemException;

/** A token bucket per person: {@link ChatConfig#messagesPerSecond()} sustained, {@link ChatConfig#messageBurst()} at once. */
@ApplicationScoped
class SendRateLimiter {

    private final ChatConfig config;
    private final Map<UUID, Bucket> buckets = new ConcurrentHashMap<>();

    SendRateLimiter(ChatConfig config) {
        this.config = config;
    }

    void acquire(UUID personId) {
        long now = System.nanoTime();
        double[] wait = new double[1];
        buckets.compute(personId, (id, b) -> {
            double tokens = b == null ? config.messageBurst()
                    : Math.min(config.messageBurst(), b.tokens + (now - b.at) / 1e9 * config.messagesPerSecond());
            if (tokens < 1) {
                wait[0] = (1 - tokens) / config.messagesPerSecond();
                return new Bucket(tokens, now);
            }
            return new Bucket(tokens - 1, now);
        });
        if (wait[0] > 0) {
            throw ProblemException.tooManyRequests("You are sending messages faster than " + (int) config.messagesPerSecond()
                    + " per second; wait a moment.", (long) Math.ceil(wait[0]));
        }
    }

    private record Bucket(double tokens, long at) {
    }
}
