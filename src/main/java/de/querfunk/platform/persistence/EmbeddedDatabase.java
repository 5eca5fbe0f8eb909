package de.querfunk.platform.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jboss.logging.Logger;

import io.quarkus.runtime.Application;
import io.quarkus.runtime.ExecutionMode;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The embedded default database. When no {@code quarkus.datasource.jdbc.url} is configured,
 * Querfunk starts a real PostgreSQL from binaries shipped on Maven Central, keeps its data under
 * {@code ${querfunk.data-dir}/postgresql} across restarts and points the datasource at it. With a
 * JDBC URL configured nothing is started. See docs/adr/001-embedded-postgresql.md for why this is
 * not the Quarkiverse extension.
 *
 * <p>It is a config source factory because the datasource reads its URL while the runtime
 * configuration is built, before any bean exists. The database lives as long as the JVM: tests that
 * restart Quarkus several times share one instance, and a JVM shutdown hook stops it.
 */
public class EmbeddedDatabase implements ConfigSourceFactory {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
    private static EmbeddedPostgres running;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (isSet(context.getValue("quarkus.datasource.jdbc.url"))
                || ExecutionMode.current() != ExecutionMode.RUNTIME_INIT && ExecutionMode.current() != ExecutionMode.RUNNING) {
            return List.of();
        }
        Path dataDir = Path.of(valueOr(context.getValue("querfunk.data-dir"), "querfunk-data"), "postgresql").toAbsolutePath();
        int port = Integer.parseInt(valueOr(context.getValue("querfunk.embedded-db.port"), "0"));
        // Tests restart Quarkus in new class loaders within one JVM; a system property, unlike a
        // static field, is seen by all of them, so the database started first is used by all.
        String runningKey = "querfunk.embedded-db.running." + dataDir;
        String url = System.getProperty(runningKey);
        if (url == null) {
            url = "jdbc:postgresql://127.0.0.1:" + start(dataDir, port).getPort() + "/postgres";
            System.setProperty(runningKey, url);
        }
        return List.of(new PropertiesConfigSource(Map.of(
                "quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", ""), "querfunk-embedded-database", 50));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(50);
    }

    private static synchronized EmbeddedPostgres start(Path dataDir, int port) {
        if (running != null) {
            return running;
        }
        try {
            Files.createDirectories(dataDir.getParent());
            refuseIfStillRunning(dataDir);
            int chosen = port > 0 ? port : freePort();
            LOG.infof("No database configured: starting the embedded PostgreSQL in %s on 127.0.0.1:%d", dataDir, chosen);
            running = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(chosen)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "200")
                    // The event sequencer orders events by commit time (platform.events.EventSequencer).
                    .setServerConfig("track_commit_timestamp", "on")
                    // zonky is built for tests: it starts postgres with -F (fsync off) and
                    // synchronous_commit=off. Here it holds production data, so a commit is on disk
                    // before it is acknowledged; "-c fsync=on" comes after -F and wins.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setRegisterShutdownHook(false)
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedDatabase::stopAfterApplication, "embedded-postgresql-stop"));
            return running;
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded PostgreSQL did not start in " + dataDir
                    + "; set QUARKUS_DATASOURCE_JDBC_URL to use a PostgreSQL server instead", e);
        }
    }

    /**
     * Stops the database once Quarkus has stopped: JVM shutdown hooks run at the same time, and
     * stopping PostgreSQL first would fail the requests and consumers still finishing.
     */
    private static void stopAfterApplication() {
        Application app = Application.currentApplication();
        if (app != null) {
            Thread waiter = Thread.ofPlatform().daemon().start(app::awaitShutdown);
            try {
                waiter.join(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            running.close();
        } catch (IOException e) {
            LOG.warn("The embedded PostgreSQL did not stop cleanly", e);
        }
    }

    /**
     * A server killed without shutting down leaves its PostgreSQL running on the data directory;
     * starting another on it would wait a minute and fail. Say so at once instead of guessing
     * whether that process may be stopped (it could belong to a second running server).
     */
    private static void refuseIfStillRunning(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").strip();
        long pid;
        try {
            pid = Long.parseLong(first);
        } catch (NumberFormatException e) {
            return;
        }
        boolean alive = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .map(h -> h.info().command().orElse("").contains("postgres")).orElse(false);
        if (alive) {
            throw new IllegalStateException("The embedded PostgreSQL in " + dataDir + " is still running as process " + pid
                    + ", probably left over from a Querfunk that was killed. Stop it (kill " + pid
                    + ") if no other Querfunk uses this data directory, then start again.");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean isSet(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }

    private static String valueOr(ConfigValue value, String fallback) {
        return isSet(value) ? value.getValue() : fallback;
    }
}
