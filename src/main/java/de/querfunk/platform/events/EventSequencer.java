package de.querfunk.platform.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.annotations.Broadcast;

/**
 * Gives committed events their public position, in commit order, and hands them to the
 * {@code domain-events} channel.
 *
 * <p>Sequence ids are taken at insert but become visible at commit, so "id greater than the last
 * seen" would skip a transaction that took its id early and committed late. Instead the sequencer
 * looks for committed events that have no position yet and numbers them after the current head:
 * an event that commits late simply gets a later position. Only one sequencer numbers at a time
 * (a session advisory lock, so another replica takes over when this one dies), and a unique index
 * on the position keeps even a split-brain moment from reusing a number.
 *
 * <p>Within one batch, events are ordered by their transaction's commit timestamp when PostgreSQL
 * tracks them ({@code track_commit_timestamp = on}, which the embedded database sets and
 * docs/operations.md asks of external servers), then by id. Without it, transactions that commit
 * between two sequencer runs are ordered by id, which can differ from their commit order.
 *
 * <p>Wake-ups: {@link EventLog#append} calls {@link #committed()} after its transaction commits.
 * In the leading process that wakes the numbering thread directly. Any other process sends one
 * {@code NOTIFY querfunk_events} on its own connection, outside the writing transaction (a NOTIFY
 * inside it would hold a database-wide lock across the commit and serialise all writers), and the
 * leader listens. The poll interval covers wake-ups lost while a connection was being replaced.
 */
@ApplicationScoped
public class EventSequencer {

    static final String CHANNEL = "domain-events";
    private static final long LEADER_LOCK = 0x514645564EL; // "QFEVN"
    private static final Logger LOG = Logger.getLogger(EventSequencer.class);
    private static final long LISTEN_SLICE_MILLIS = 500;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EventsConfig config;

    @Inject
    @Channel(CHANNEL)
    @Broadcast
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 16384)
    Emitter<RecordedEvent> emitter;

    private final Semaphore work = new Semaphore(0);
    private final AtomicBoolean nudgeLeader = new AtomicBoolean();
    private volatile boolean running;
    private volatile boolean leader;
    private volatile String order = "id";
    private volatile Thread listener;
    private volatile Thread numberer;

    void start(@Observes StartupEvent event) {
        running = true;
        listener = Thread.ofPlatform().daemon().name("event-sequencer-listener").start(this::listen);
        numberer = Thread.ofPlatform().daemon().name("event-sequencer").start(this::number);
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        for (Thread t : new Thread[] { numberer, listener }) {
            if (t != null) {
                t.interrupt();
                try {
                    t.join(LISTEN_SLICE_MILLIS + 5000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** A transaction that appended events has committed in this process. */
    void committed() {
        if (!leader) {
            nudgeLeader.set(true);
        }
        work.release();
    }

    /** Holds the leadership lock and listens for other processes' commits; wakes the numbering thread. */
    private void listen() {
        while (running) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(true);
                try (Statement st = c.createStatement()) {
                    st.execute("LISTEN querfunk_events");
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                order = commitTimestamps(c) ? "pg_xact_commit_timestamp(xmin), id" : "id";
                try {
                    long lastPoll = System.nanoTime();
                    while (running) {
                        if (!leader) {
                            leader = tryLead(c);
                        }
                        // Short waits, so that shutting down never waits for a long poll interval.
                        PGNotification[] received = pg.getNotifications((int) Math.min(LISTEN_SLICE_MILLIS,
                                config.pollInterval().toMillis()));
                        if (received != null && received.length > 0) {
                            work.release();
                        } else if (System.nanoTime() - lastPoll >= config.pollInterval().toNanos()) {
                            lastPoll = System.nanoTime();
                            work.release();
                        }
                    }
                } finally {
                    leader = false;
                    release(c);
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warnf("Event sequencer lost its database connection (%s); retrying", e.getMessage());
                    pause();
                }
            }
        }
    }

    /** Numbers committed events while this process leads; otherwise passes its commits on to the leader. */
    private void number() {
        while (running) {
            try {
                work.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                work.drainPermits();
                if (leader) {
                    while (running && sequenceBatch() == config.batchSize()) {
                        // a full batch: more may be waiting
                    }
                } else if (nudgeLeader.getAndSet(false)) {
                    notifyLeader();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warnf("Event sequencer could not number events (%s); retrying", e.getMessage());
                    pause();
                }
            }
        }
    }

    private void notifyLeader() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            c.setAutoCommit(true);
            st.execute("NOTIFY querfunk_events");
        }
    }

    /** The listener connection goes back to the pool: it must not keep the lock or the subscription. */
    private static void release(Connection c) {
        try (Statement st = c.createStatement()) {
            st.execute("UNLISTEN *");
            st.execute("SELECT pg_advisory_unlock_all()");
        } catch (SQLException e) {
            LOG.debugf("Listener connection not reset (%s); it is probably closed", e.getMessage());
        }
    }

    private static boolean commitTimestamps(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT current_setting('track_commit_timestamp')")) {
            boolean on = rs.next() && "on".equals(rs.getString(1));
            if (!on) {
                LOG.warn("PostgreSQL runs with track_commit_timestamp = off: events of transactions that commit at"
                        + " nearly the same moment may be published out of commit order. Turn it on (docs/operations.md).");
            }
            return on;
        }
    }

    private static boolean tryLead(Connection listener) throws SQLException {
        try (PreparedStatement st = listener.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            st.setLong(1, LEADER_LOCK);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** Numbers one batch of committed events and emits them after commit; returns how many. */
    int sequenceBatch() throws SQLException {
        List<RecordedEvent> positioned = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement st = c.prepareStatement("""
                    WITH head AS (SELECT COALESCE(MAX(position), 0) AS p FROM event_log),
                         todo AS (SELECT id, row_number() OVER (ORDER BY %1$s) AS n
                                  FROM (SELECT id, xmin FROM event_log WHERE position IS NULL ORDER BY %1$s LIMIT ?) waiting)
                    UPDATE event_log e SET position = head.p + todo.n
                    FROM head, todo WHERE e.id = todo.id
                    RETURNING e.position, e.type, e.stream_key, CAST(e.payload AS text), e.occurred_at""".formatted(order))) {
                st.setInt(1, config.batchSize());
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        positioned.add(new RecordedEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getTimestamp(5).toInstant()));
                    }
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
        positioned.sort((a, b) -> Long.compare(a.position(), b.position()));
        for (RecordedEvent event : positioned) {
            try {
                emitter.send(event);
            } catch (RuntimeException e) {
                // The log is the truth: consumers catch up from it when the live channel drops something.
                LOG.debugf("Event %d not handed to the live channel (%s)", event.position(), e.getMessage());
            }
        }
        return positioned.size();
    }

    private void pause() {
        try {
            Thread.sleep(Math.min(1000, config.pollInterval().toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
