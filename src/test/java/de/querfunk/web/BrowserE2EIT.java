package de.querfunk.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The web client in real headless Chromium against the packaged server and its embedded
 * PostgreSQL, the way an operator runs it. Each test runs one script of {@code web-client/e2e}
 * with Node's test runner and Playwright (playwright-core driving the system's Chromium; no
 * browser is downloaded). The server is started once with a known setup token; the
 * first script sets it up through the setup form; the others create the people and spaces they
 * need through the API.
 *
 * <p>Needs {@code node} (20.19+) on the PATH and Chromium at {@code /usr/bin/chromium} (or
 * {@code -Dquerfunk.e2e.chromium=...}); {@code -Dquerfunk.e2e.skip=true} skips these tests.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserE2EIT {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(240);
    private static final Path BUILD_DIR = Path.of(System.getProperty("querfunk.build-dir", "target")).toAbsolutePath();
    private static final Path JAR = BUILD_DIR.resolve("quarkus-app/quarkus-run.jar");
    private static final Path WEB_CLIENT = BUILD_DIR.getParent().resolve("web-client");
    private static final Path OUT = BUILD_DIR.resolve("e2e");
    private static final String CHROMIUM = System.getProperty("querfunk.e2e.chromium", "/usr/bin/chromium");
    private static final String SETUP_TOKEN = "e2e-setup-token-" + Long.toString(System.nanoTime(), 36);
    private static final Pattern SKIP = Pattern.compile("# SKIP (.*)");

    private static Process server;
    private static Path dataDir;
    private static String baseUrl;

    @BeforeAll
    static void startServer() throws Exception {
        Assumptions.assumeFalse(Boolean.getBoolean("querfunk.e2e.skip"), "browser tests skipped with -Dquerfunk.e2e.skip=true");
        assertTrue(Files.isRegularFile(JAR), JAR + " is missing; the package phase builds it");
        assertTrue(Files.isExecutable(Path.of(CHROMIUM)),
                "Chromium is missing at " + CHROMIUM + ": install Debian's package (apt-get install chromium), "
                        + "point -Dquerfunk.e2e.chromium at another binary, or skip with -Dquerfunk.e2e.skip=true");
        assertTrue(Files.isDirectory(WEB_CLIENT.resolve("node_modules/playwright-core")),
                "web-client/node_modules is missing; the package phase installs it through Quinoa");
        Files.createDirectories(OUT);
        dataDir = BUILD_DIR.resolve("e2e-server-data");
        deleteRecursively(dataDir);
        Files.createDirectories(dataDir);

        int port = freePort();
        baseUrl = "http://localhost:" + port;
        String java = ProcessHandle.current().info().command().orElseThrow(() -> new IllegalStateException("no java command"));
        ProcessBuilder builder = new ProcessBuilder(java,
                "-Dquarkus.http.port=" + port,
                "-Dquerfunk.data-dir=" + dataDir,
                "-Dquerfunk.embedded-db.port=" + freePort(),
                "-Dquerfunk.public-url=" + baseUrl,
                "-Dquerfunk.identity.setup-token=" + SETUP_TOKEN,
                // plain http on localhost; hashing cost and event polling as in the other tests
                "-Dquerfunk.identity.secure-cookie=false",
                "-Dquerfunk.identity.password-hash-memory-kib=4096",
                "-Dquerfunk.identity.password-hash-iterations=1",
                "-Dquerfunk.events.poll-interval=200ms",
                "-jar", JAR.toString())
                .directory(BUILD_DIR.toFile())
                .redirectErrorStream(true)
                .redirectOutput(OUT.resolve("server.log").toFile());
        // A fresh embedded database: the scripts set the installation up themselves.
        builder.environment().keySet().removeIf(key -> key.startsWith("QUARKUS_DATASOURCE"));
        server = builder.start();
        awaitReady();
    }

    @Test
    @Order(0)
    void firstRunSetup_invitationLink_andItsAcceptance() throws Exception {
        runScript("setup-invite.test.mjs");
    }

    @Test
    @Order(1)
    void twoPeople_seeEachOthersMessagesReactionsAndThreadRepliesLive() throws Exception {
        runScript("live-chat.test.mjs");
    }

    @Test
    @Order(2)
    void cutConnection_losesNothing_andAFailedSendIsRetriedOnce() throws Exception {
        runScript("resume.test.mjs");
    }

    @Test
    @Order(3)
    void history_unreadLineInfiniteScrollPermalinkAndAutocomplete() throws Exception {
        runScript("history.test.mjs");
    }

    @Test
    @Order(4)
    void search_findsTheMessageAndJumpsToIt() throws Exception {
        runScript("search.test.mjs");
    }

    @Test
    @Order(5)
    void germanPhoneLayout_signsInShowsGermanAndFitsIn375Pixels() throws Exception {
        runScript("german-phone.test.mjs");
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null && server.isAlive()) {
            server.destroy();
            if (!server.waitFor(60, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static void runScript(String script) throws Exception {
        Path log = OUT.resolve(script.replace(".test.mjs", ".log"));
        ProcessBuilder builder = new ProcessBuilder("node", "--test", "--test-reporter=tap", "e2e/" + script)
                .directory(WEB_CLIENT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("QF_BASE_URL", baseUrl);
        builder.environment().put("QF_SETUP_TOKEN", SETUP_TOKEN);
        builder.environment().put("QF_E2E_OUT", OUT.toString());
        builder.environment().put("QF_CHROMIUM", CHROMIUM);
        Process node;
        try {
            node = builder.start();
        } catch (IOException e) {
            throw new AssertionError("cannot start node (20.19 or newer must be on the PATH): " + e.getMessage(), e);
        }
        boolean finished = node.waitFor(SCRIPT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (!finished) {
            node.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println("--- web-client/e2e/" + script + " ---\n" + output);
        if (!finished) {
            fail(script + " did not finish within " + SCRIPT_TIMEOUT.toSeconds() + " s; see " + log);
        }
        assertEquals(0, node.exitValue(), script + " failed; see " + log + " and " + OUT.resolve("server.log") + "\n" + output);
        Matcher skipped = SKIP.matcher(output);
        if (skipped.find()) {
            Assumptions.abort(script + " skipped: " + skipped.group(1));
        }
    }

    private static void awaitReady() throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready")).timeout(Duration.ofSeconds(5)).GET().build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                fail("the server exited with " + server.exitValue() + " before it was ready; see " + OUT.resolve("server.log"));
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // keep waiting
            }
            Thread.sleep(250);
        }
        fail("the server was not ready within " + READY_TIMEOUT.toSeconds() + " s; see " + OUT.resolve("server.log"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
