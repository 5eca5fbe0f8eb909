package de.querfunk.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import de.querfunk.identity.persistence.PersonRepository;
import io.quarkus.runtime.StartupEvent;

/**
 * The one-time secret that lets whoever runs the server create the first administrator. There is
 * no default password anywhere: without an administrator, a token is taken from configuration or
 * generated and written to the log at start; once an administrator exists it is void.
 */
@ApplicationScoped
class SetupToken {

    private static final Logger LOG = Logger.getLogger(SetupToken.class);

    private final IdentityConfig config;
    private final PersonRepository people;
    private volatile String token;

    SetupToken(IdentityConfig config, PersonRepository people) {
        this.config = config;
        this.people = people;
    }

    @Transactional
    void onStart(@Observes StartupEvent event) {
        if (people.countActiveAdministrators() > 0) {
            return;
        }
        token = config.setupToken().filter(t -> !t.isBlank()).orElseGet(Secrets::newSecret);
        if (config.setupToken().filter(t -> !t.isBlank()).isPresent()) {
            LOG.warn("Querfunk has no administrator yet: create one with the configured setup token (POST /api/v1/setup).");
        } else {
            LOG.warnf("Querfunk has no administrator yet. Create the first one with this one-time setup token: %s"
                    + " (web client at / or POST /api/v1/setup)", token);
        }
    }

    boolean matches(String presented) {
        String configured = config.setupToken().filter(t -> !t.isBlank()).orElse(null);
        return Secrets.constantTimeEquals(configured != null ? configured : token, presented);
    }

    /** A generated token is used up by the first administrator; a configured one is void once any exists. */
    void consume() {
        token = null;
    }
}
