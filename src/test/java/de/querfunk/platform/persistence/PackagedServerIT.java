package de.querfunk.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The packaged server started the way an operator starts it, {@code java -jar quarkus-run.jar}
 * with no database configured: it must start its embedded PostgreSQL in the data directory,
 * report ready with the database included, stop cleanly, and on the next start reuse the data
 * instead of initialising a new cluster.
 *
 * <p>Not a {@code @QuarkusTest}: that would run the application inside the test JVM, while the
 * embedded default is about the real jar, its class path and its shutdown.
 */
class PackagedServerIT {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final Path BUILD_DIR = Path.of(System.getProperty("querfunk.build-dir", "target")).toAbsolutePath();
    private static final Path JAR = BUILD_DIR.resolve("quarkus-app/quarkus-run.jar");
    private static final String PROBE_EVENT = "PackagedServerProbe";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final List<Process> STARTED = new ArrayList<>();

    private static Path dataDir;

    @BeforeAll
    static void freshDataDir() throws IOException {
        assertTrue(Files.isRegularFile(JAR), JAR + " is missing; the package phase builds it");
        // Fresh for every run, and kept afterwards next to the server logs for debugging.
        dataDir = BUILD_DIR.resolve("packaged-server-data");
        deleteRecursively(dataDir);
        Files.createDirectories(dataDir);
    }

    @Test
    void packagedJar_withoutConfiguration_startsEmbeddedDatabaseAndKeepsItsDataAcrossRestarts() throws Exception {
        Server first = start("first");
        assertDatabaseReady(first.awaitReady());
        Path pgVersion = dataDir.resolve("postgresql/PG_VERSION");
        assertTrue(Files.isRegularFile(pgVersion), "the embedded cluster lives in " + pgVersion.getParent());
        FileTime initialised = Files.getLastModifiedTime(pgVersion);
        // The embedded database is the production default on one machine, not a test fixture.
        assertEquals("on", setting(first.dbPort, "fsync"), "a committed transaction survives a crash");
        assertEquals("on", setting(first.dbPort, "synchronous_commit"), "a commit is durable before it is acknowledged");
        long position = appendProbeEventAndAwaitItsPosition(first.dbPort);
        first.stop();
        assertFalse(Files.exists(dataDir.resolve("postgresql/postmaster.pid")),
                "a graceful stop of the server also stops its embedded PostgreSQL");

        Server restarted = start("restart");
        assertDatabaseReady(restarted.awaitReady());
        assertEquals(initialised, Files.getLastModifiedTime(pgVersion), "the restart reused the cluster instead of running initdb again");
        assertEquals(position, probeEventPosition(restarted.dbPort), "the event written before the restart is still there");

        // Killed without a chance to stop its database: the next start names the leftover process at once.
        restarted.process().destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        Server afterKill = start("after-kill");
        assertTrue(afterKill.process().waitFor(45, TimeUnit.SECONDS), "a start on a busy data directory gives up quickly");
        assertTrue(Files.readString(afterKill.log()).contains("is still running as process"),
                "the log says which process holds the data directory; see " + afterKill.log());
        stopOrphanedDatabase();
        Server recovered = start("recovered");
        assertDatabaseReady(recovered.awaitReady());
        recovered.stop();
    }

    @AfterAll
    static void stopEverything() throws Exception {
        for (Process process : STARTED) {
            if (process.isAlive()) {
                process.destroy();
                if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        }
        stopOrphanedDatabase();
    }

    private static void assertDatabaseReady(JsonNode health) {
        assertEquals("UP", health.path("status").asText(), health.toString());
        boolean databaseUp = false;
        for (JsonNode check : health.path("checks")) {
            if (check.path("name").asText().toLowerCase().contains("database") && "UP".equals(check.path("status").asText())) {
                databaseUp = true;
            }
        }
        assertTrue(databaseUp, "the readiness answer includes the database: " + health);
    }

    /** Writes an event through the real schema and waits for the running server's sequencer to number it. */
    private static long appendProbeEventAndAwaitItsPosition(int dbPort) throws Exception {
        try (Connection db = connect(dbPort)) {
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO event_log (type, payload) VALUES (?, '{}')")) {
                insert.setString(1, PROBE_EVENT);
                insert.executeUpdate();
            }
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            long position = probeEventPosition(dbPort);
            if (position > 0) {
                return position;
            }
            Thread.sleep(200);
        }
        return fail("the event sequencer did not give the probe event a position within 30 s");
    }

    /** The probe event's position, 0 while it has none. */
    private static long probeEventPosition(int dbPort) throws SQLException {
        try (Connection db = connect(dbPort);
                PreparedStatement select = db.prepareStatement("SELECT COALESCE(position, 0) FROM event_log WHERE type = ?")) {
            select.setString(1, PROBE_EVENT);
            try (ResultSet rs = select.executeQuery()) {
                assertTrue(rs.next(), "the probe event exists");
                return rs.getLong(1);
            }
        }
    }

    private static String setting(int dbPort, String name) throws SQLException {
        try (Connection db = connect(dbPort);
                PreparedStatement select = db.prepareStatement("SELECT current_setting(?)")) {
            select.setString(1, name);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static Connection connect(int dbPort) throws SQLException {
        // The embedded cluster trusts local connections; it only listens on 127.0.0.1.
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + dbPort + "/postgres", "postgres", "");
    }

    private static Server start(String name) throws IOException {
        String java = ProcessHandle.current().info().command().orElseThrow(() -> new IllegalStateException("no java command"));
        int httpPort = freePort();
        int dbPort = freePort();
        Path log = BUILD_DIR.resolve("packaged-server-" + name + ".log");
        ProcessBuilder builder = new ProcessBuilder(java,
                "-Dquarkus.http.port=" + httpPort,
                "-Dquerfunk.data-dir=" + dataDir,
                "-Dquerfunk.embedded-db.port=" + dbPort,
                "-jar", JAR.toString())
                .directory(BUILD_DIR.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // The embedded default is what is under test: no database server may leak in from the environment.
        builder.environment().keySet().removeIf(key -> key.startsWith("QUARKUS_DATASOURCE"));
        Process process = builder.start();
        STARTED.add(process);
        return new Server(process, httpPort, dbPort, log);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Stops a PostgreSQL left behind by a server that had to be killed, so that no test run leaks one. */
    private static void stopOrphanedDatabase() throws IOException, InterruptedException {
        Path pidFile = dataDir == null ? null : dataDir.resolve("postgresql/postmaster.pid");
        if (pidFile == null || !Files.isRegularFile(pidFile)) {
            return;
        }
        long pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().trim());
        var postmaster = ProcessHandle.of(pid).filter(p -> p.info().command().orElse("").endsWith("postgres"));
        if (postmaster.isPresent()) {
            postmaster.get().destroy(); // SIGTERM is PostgreSQL's "smart" shutdown
            try {
                postmaster.get().onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                postmaster.get().destroyForcibly();
            }
        }
    }

    private record Server(Process process, int httpPort, int dbPort, Path log) {

        JsonNode awaitReady() throws Exception {
            HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(5)).GET().build();
            long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    fail("the server exited with " + process.exitValue() + " before it was ready; see " + log);
                }
                try {
                    HttpResponse<String> response = HTTP.send(ready, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200) {
                        return JSON.readTree(response.body());
                    }
                } catch (IOException notListeningYet) {
                    // keep waiting
                }
                Thread.sleep(250);
            }
            return fail("the server was not ready within " + READY_TIMEOUT.toSeconds() + " s; see " + log);
        }

        void stop() throws InterruptedException {
            process.destroy();
            assertTrue(process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS),
                    "the server stops within " + STOP_TIMEOUT.toSeconds() + " s of SIGTERM; see " + log);
        }
    }
}
