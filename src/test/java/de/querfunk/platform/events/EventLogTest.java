package de.querfunk.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class EventLogTest {

    @Inject
    EventLog log;

    @Inject
    EventDelivery delivery;

    @Inject
    RecordingConsumer consumer;

    @Test
    void consumer_seesEveryCommittedEventOnceInCommitOrder_despiteLateCommitsRollbacksAndRestart() throws Exception {
        String run = UUID.randomUUID().toString();
        long start = delivery.position(consumer);
        Set<String> committed = ConcurrentHashMap.newKeySet();
        Set<String> rolledBack = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(9);
        try {
            // A transaction takes its event id first and commits last.
            CountDownLatch heldAppended = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Future<?> held = pool.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                log.append(new ProbeHappened(run + ":held", -1));
                heldAppended.countDown();
                awaitLatch(release);
            }));
            assertThat(heldAppended.await(30, TimeUnit.SECONDS)).isTrue();

            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    for (int n = 0; n < 40; n++) {
                        int i = n;
                        String marker = run + ":" + writer + ":" + i;
                        if (i % 10 == 7) {
                            try {
                                QuarkusTransaction.requiringNew().run(() -> {
                                    log.append(new ProbeHappened(marker, i));
                                    throw new IllegalStateException("roll back");
                                });
                            } catch (IllegalStateException expected) {
                                rolledBack.add(marker);
                            }
                        } else if (i % 10 == 3) {
                            QuarkusTransaction.requiringNew().run(() -> {
                                log.append(new ProbeHappened(marker + "a", i));
                                log.append(new ProbeHappened(marker + "b", i));
                            });
                            committed.add(marker + "a");
                            committed.add(marker + "b");
                        } else {
                            QuarkusTransaction.requiringNew().run(() -> log.append(new ProbeHappened(marker, i)));
                            committed.add(marker);
                        }
                    }
                }));
            }
            for (Future<?> f : writers) {
                f.get(120, TimeUnit.SECONDS);
            }
            // The open transaction does not hold back what committed after it.
            await().atMost(Duration.ofSeconds(30)).until(() -> markers(run).containsAll(committed));
            assertThat(markers(run)).doesNotContain(run + ":held");

            // The consumer stops mid-stream, events go on, and it continues where it left off.
            consumer.stop();
            for (int i = 0; i < 25; i++) {
                String marker = run + ":while-stopped:" + i;
                QuarkusTransaction.requiringNew().run(() -> log.append(new ProbeHappened(marker, 0)));
                committed.add(marker);
            }
            Thread.sleep(500);
            assertThat(markers(run)).noneMatch(m -> m.contains("while-stopped"));
            consumer.restart();
            for (int i = 0; i < 5; i++) {
                String marker = run + ":after-restart:" + i;
                QuarkusTransaction.requiringNew().run(() -> log.append(new ProbeHappened(marker, 0)));
                committed.add(marker);
            }

            release.countDown();
            held.get(30, TimeUnit.SECONDS);
            committed.add(run + ":held");
            await().atMost(Duration.ofSeconds(30)).until(() -> markers(run).containsAll(committed));
        } finally {
            pool.shutdownNow();
        }

        List<RecordedEvent> seen = consumer.seen().stream().filter(e -> e.position() > start).toList();
        List<String> mine = markers(run);
        assertThat(mine).doesNotHaveDuplicates();
        assertThat(new HashSet<>(mine)).isEqualTo(committed);
        assertThat(mine).doesNotContainAnyElementsOf(rolledBack);
        // Positions are contiguous and strictly increasing: nothing skipped, nothing twice.
        for (int i = 0; i < seen.size(); i++) {
            assertThat(seen.get(i).position()).isEqualTo(start + 1 + i);
        }
        // Commit order: the transaction that took its id first but committed last comes last;
        // events one writer committed one after another keep their order.
        assertThat(mine.get(mine.size() - 1)).isEqualTo(run + ":held");
        assertThat(mine.indexOf(run + ":while-stopped:24")).isLessThan(mine.indexOf(run + ":after-restart:0"));
        for (int i = 1; i < 25; i++) {
            assertThat(mine.indexOf(run + ":while-stopped:" + (i - 1))).isLessThan(mine.indexOf(run + ":while-stopped:" + i));
        }
    }

    private List<String> markers(String run) {
        return consumer.seen().stream().filter(e -> e.is(ProbeHappened.class))
                .map(e -> e.as(ProbeHappened.class).marker()).filter(m -> m.startsWith(run)).toList();
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            if (!latch.await(120, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
