package de.querfunk.platform.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

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
 * <p>An insert trigger sends {@code NOTIFY querfunk_events} at commit to wake the sequencer; the
 * poll interval covers notifications lost while it was reconnecting.
 */
@ApplicationScoped
public class EventSequencer {

    static final String CHANNEL = "domain-events";
    private static final long LEADER_LOCK = 0x514645564EL; // "QFEVN"
    private static final Logger LOG = Logger.getLogger(EventSequencer.class);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EventsConfig config;

    @Inject
    @Channel(CHANNEL)
    @Broadcast
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 16384)
    Emitter<RecordedEvent> emitter;

    private volatile boolean running;
    private volatile String order = "id";
    private volatile Thread worker;

    void start(@Observes StartupEvent event) {
        running = true;
        worker = Thread.ofPlatform().daemon().name("event-sequencer").start(this::run);
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        Thread t = worker;
        if (t != null) {
            t.interrupt();
            try {
                t.join(config.pollInterval().toMillis() + 2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        while (running) {
            try (Connection listener = dataSource.getConnection()) {
                listener.setAutoCommit(true);
                try (Statement st = listener.createStatement()) {
                    st.execute("LISTEN querfunk_events");
                }
                PGConnection pg = listener.unwrap(PGConnection.class);
                order = commitTimestamps(listener) ? "pg_xact_commit_timestamp(xmin), id" : "id";
                boolean leader = false;
                while (running) {
                    if (!leader) {
                        leader = tryLead(listener);
                    }
                    if (leader && sequenceBatch() == config.batchSize()) {
                        continue;
                    }
                    pg.getNotifications((int) config.pollInterval().toMillis());
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warnf("Event sequencer lost its database connection (%s); retrying", e.getMessage());
                    pause();
                }
            }
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
            Thread.sleep(config.pollInterval().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
