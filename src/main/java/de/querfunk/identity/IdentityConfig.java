package de.querfunk.identity;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "querfunk.identity")
public interface IdentityConfig {

    /** A fixed setup token for unattended installs; without it one is generated and logged at start. */
    Optional<String> setupToken();

    @WithDefault("P14D")
    Duration sessionLifetime();

    @WithDefault("P7D")
    Duration invitationLifetime();

    /** Only plain-http development turns the Secure flag of the session cookie off. */
    @WithDefault("true")
    boolean secureCookie();

    /** Argon2id memory cost in KiB (OWASP's 19 MiB by default). */
    @WithDefault("19456")
    int passwordHashMemoryKib();

    @WithDefault("2")
    int passwordHashIterations();

    /** Failed logins for one account before each further attempt must wait (doubling up to {@link #maxLockout()}). */
    @WithDefault("5")
    int accountFailuresBeforeDelay();

    /** Failed logins from one address before each further attempt must wait. */
    @WithDefault("20")
    int addressFailuresBeforeDelay();

    @WithDefault("PT15M")
    Duration maxLockout();
}
