package de.querfunk.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A commit wakes the sequencer itself: with polling all but switched off, every committed event is
 * still published at once, and no writing transaction sends a NOTIFY (which would hold a
 * database-wide lock across its commit and serialise all writers).
 */
@QuarkusTest
@TestProfile(EventWakeUpTest.NoPolling.class)
class EventWakeUpTest {

    public static class NoPolling implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("querfunk.events.poll-interval", "1h");
        }
    }

    @Inject
    EventLog log;

    @Inject
    RecordingConsumer consumer;

    @Test
    void committedEvents_arePublishedWithoutWaitingForAPoll() {
        for (int i = 0; i < 5; i++) {
            String marker = UUID.randomUUID().toString();
            QuarkusTransaction.requiringNew().run(() -> log.append(new ProbeHappened(marker, 0)));
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> consumer.seen().stream().anyMatch(e -> e.payload().contains(marker)));
        }
    }

    @Test
    void writingTransactions_doNotNotify() {
        String triggers = QuarkusTransaction.requiringNew().call(() -> String.valueOf(
                io.quarkus.hibernate.orm.panache.Panache.getEntityManager().createNativeQuery(
                        "SELECT count(*) FROM pg_trigger WHERE tgrelid = 'event_log'::regclass AND NOT tgisinternal")
                        .getSingleResult()));
        assertThat(triggers).isEqualTo("0");
    }
}
