package de.querfunk.bench.realtime;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Creates the benchmark's people and spaces through Querfunk's public API: the first
 * administrator, one invitation and one write-scoped access token per person, and open spaces of
 * each room size that the people join themselves. Writes users.tsv and rooms.tsv for the runs.
 */
final class QuerfunkSetup {

    static final String PASSWORD = "correct horse battery staple";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private String adminCookie;
    private String adminCsrf;

    private QuerfunkSetup(String base) {
        this.base = base;
    }

    static void run(Args args) throws Exception {
        new QuerfunkSetup(args.get("base")).setUp(args);
    }

    private void setUp(Args args) throws Exception {
        int users = args.getInt("users", 1000);
        Path out = Path.of(args.get("out"));
        Files.createDirectories(out);
        HttpResponse<String> admin = call("POST", "/api/v1/setup", null, null, Map.of("setupToken", args.get("setup-token"),
                "administrator", details("benchadmin", "Bench Admin")));
        adminCookie = cookie(admin);
        adminCsrf = JSON.readTree(admin.body()).path("csrfToken").asText();

        ExecutorService pool = Executors.newFixedThreadPool(args.getInt("parallel", 8));
        long t0 = System.nanoTime();
        List<Future<String>> people = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            int n = i;
            people.add(pool.submit(() -> person(n)));
        }
        List<String> userLines = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            String line = people.get(i).get();
            userLines.add(line);
            tokens.add(line.split("\t")[2]);
            if (i % 1000 == 999) {
                System.out.printf("  %d people in %.0f s%n", i + 1, (System.nanoTime() - t0) / 1e9);
            }
        }
        Files.write(out.resolve("users.tsv"), userLines);
        System.out.printf("  %d people in %.0f s%n", users, (System.nanoTime() - t0) / 1e9);

        List<String> roomLines = new ArrayList<>();
        List<Future<?>> joins = new ArrayList<>();
        for (String part : args.get("layout").split(",")) {
            int size = Integer.parseInt(part.split(":")[0]);
            int covered = Math.min(users, Integer.parseInt(part.split(":")[1]));
            for (int k = 0; k * size < covered; k++) {
                HttpResponse<String> space = call("POST", "/api/v1/spaces", adminCookie, adminCsrf,
                        Map.of("name", "bench s" + size + "-" + k, "description", "benchmark room", "kind", "open"));
                String spaceId = JSON.readTree(space.body()).path("id").asText();
                String conversation = JSON.readTree(call("GET", "/api/v1/spaces/" + spaceId + "/conversation", adminCookie,
                        adminCsrf, null).body()).path("id").asText();
                roomLines.add(size + "\t" + k + "\t" + conversation);
                for (int m = k * size; m < Math.min(covered, (k + 1) * size); m++) {
                    String token = tokens.get(m);
                    joins.add(pool.submit(() -> bearer("PUT", "/api/v1/spaces/" + spaceId + "/membership", token)));
                }
            }
        }
        for (Future<?> f : joins) {
            f.get();
        }
        pool.shutdown();
        Files.write(out.resolve("rooms.tsv"), roomLines);
        System.out.printf("set up %d people, %d rooms and %d memberships in %.0f s%n", users, roomLines.size(), joins.size(),
                (System.nanoTime() - t0) / 1e9);
    }

    private String person(int n) throws Exception {
        String invitation = JSON.readTree(call("POST", "/api/v1/invitations", adminCookie, adminCsrf, Map.of()).body())
                .path("token").asText();
        String username = "u" + n;
        HttpResponse<String> accepted = call("POST", "/api/v1/invitations/by-token/" + invitation + "/accept", null, null,
                details(username, "User " + n));
        JsonNode a = JSON.readTree(accepted.body());
        String cookie = cookie(accepted);
        String token = JSON.readTree(call("POST", "/api/v1/me/tokens", cookie, a.path("csrfToken").asText(),
                Map.of("name", "bench", "scope", "write")).body()).path("token").asText();
        return n + "\t" + username + "\t" + token + "\t" + a.path("person").path("id").asText();
    }

    private static Map<String, Object> details(String username, String displayName) {
        return Map.of("username", username, "displayName", displayName, "email", username + "@example.org", "password", PASSWORD,
                "language", "de", "timeZone", "Europe/Berlin");
    }

    private Void bearer(String method, String path, String token) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString("{}")).build();
        check(http.send(r, HttpResponse.BodyHandlers.ofString()), method + " " + path);
        return null;
    }

    private HttpResponse<String> call(String method, String path, String cookie, String csrf, Object body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json");
        if (cookie != null) {
            b.header("Cookie", "qf_session=" + cookie).header("X-CSRF-Token", csrf);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        return check(http.send(b.build(), HttpResponse.BodyHandlers.ofString()), method + " " + path);
    }

    private static HttpResponse<String> check(HttpResponse<String> r, String what) {
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(what + " answered " + r.statusCode() + ": " + r.body());
        }
        return r;
    }

    private static String cookie(HttpResponse<String> r) {
        for (String c : r.headers().allValues("Set-Cookie")) {
            if (c.startsWith("qf_session=")) {
                return c.substring("qf_session=".length(), c.indexOf(';') < 0 ? c.length() : c.indexOf(';'));
            }
        }
        throw new IllegalStateException("no session cookie in " + r.headers());
    }
}
