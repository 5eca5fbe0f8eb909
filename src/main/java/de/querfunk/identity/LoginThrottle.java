package de.querfunk.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import de.querfunk.platform.problem.ProblemException;
import io.quarkus.scheduler.Scheduled;

/**
 * Slows, then refuses, password guessing. Failures are counted per username (whether or not the
 * account exists, so the answer reveals nothing) and per client address. Past a threshold each
 * further attempt must wait, twice as long after every failure up to a maximum; an attempt during
 * the wait is answered 429 with Retry-After. A success clears the account's count.
 *
 * <p>Counts live in this process: with several replicas an attacker gets each replica's allowance,
 * which the doubling wait still bounds.
 */
@ApplicationScoped
class LoginThrottle {

    private static final Duration FORGET_AFTER = Duration.ofHours(1);

    private final IdentityConfig config;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    LoginThrottle(IdentityConfig config) {
        this.config = config;
        this.clock = Clock.systemUTC();
    }

    /** Refuses with 429 while either the account or the address must wait. */
    void checkAllowed(String username, String address) {
        Instant now = clock.instant();
        long wait = Math.max(remaining(accountKey(username), now), remaining(addressKey(address), now));
        if (wait > 0) {
            throw ProblemException.tooManyRequests(
                    "Too many failed sign-in attempts; try again in " + wait + " seconds.", wait);
        }
    }

    void recordFailure(String username, String address) {
        Instant now = clock.instant();
        record(accountKey(username), config.accountFailuresBeforeDelay(), now);
        record(addressKey(address), config.addressFailuresBeforeDelay(), now);
    }

    void recordSuccess(String username) {
        failures.remove(accountKey(username));
    }

    @Scheduled(every = "10m")
    void forgetOld() {
        Instant cutoff = clock.instant().minus(FORGET_AFTER);
        failures.entrySet().removeIf(e -> e.getValue().last.isBefore(cutoff));
    }

    private long remaining(String key, Instant now) {
        Failures f = failures.get(key);
        if (f == null || f.blockedUntil == null || !f.blockedUntil.isAfter(now)) {
            return 0;
        }
        return Math.max(1, Duration.between(now, f.blockedUntil).toSeconds() + 1);
    }

    private void record(String key, int threshold, Instant now) {
        failures.compute(key, (k, f) -> {
            Failures next = f == null || f.last.isBefore(now.minus(FORGET_AFTER)) ? new Failures(0, now, null) : f;
            int count = next.count + 1;
            Instant blockedUntil = null;
            if (count >= threshold) {
                long seconds = Math.min(config.maxLockout().toSeconds(), 1L << Math.min(20, count - threshold));
                blockedUntil = now.plusSeconds(seconds);
            }
            return new Failures(count, now, blockedUntil);
        });
    }

    private static String accountKey(String username) {
        return "account:" + (username == null ? "" : username.toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }

    private record Failures(int count, Instant last, Instant blockedUntil) {
    }
}
