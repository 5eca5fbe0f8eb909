package de.querfunk.bench.realtime;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Registers the same people on ejabberd through mod_http_api (loopback only) and creates one
 * persistent, archived multi-user chat room per Querfunk space, with the same sizes and members.
 */
final class XmppSetup {

    private XmppSetup() {
    }

    static void run(Args args) throws Exception {
        String api = args.get("api");
        String host = args.get("domain", "localhost");
        String service = "conference." + host;
        int users = args.getInt("users", 1000);
        Path out = Path.of(args.get("out"));
        Files.createDirectories(out);
        HttpClient http = HttpClient.newHttpClient();
        ExecutorService pool = Executors.newFixedThreadPool(args.getInt("parallel", 8));
        long t0 = System.nanoTime();
        List<Future<String>> registered = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            int n = i;
            registered.add(pool.submit(() -> {
                post(http, api + "/register", "{\"user\":\"u" + n + "\",\"host\":\"" + host + "\",\"password\":\""
                        + QuerfunkSetup.PASSWORD + "\"}");
                return n + "\tu" + n + "\t" + QuerfunkSetup.PASSWORD;
            }));
        }
        List<String> lines = new ArrayList<>();
        for (Future<String> f : registered) {
            lines.add(f.get());
            if (lines.size() % 1000 == 0) {
                System.out.printf("  %d users in %.0f s%n", lines.size(), (System.nanoTime() - t0) / 1e9);
            }
        }
        Files.write(out.resolve("users.tsv"), lines);
        List<String> rooms = new ArrayList<>();
        List<Future<?>> created = new ArrayList<>();
        for (String part : args.get("layout").split(",")) {
            int size = Integer.parseInt(part.split(":")[0]);
            int covered = Math.min(users, Integer.parseInt(part.split(":")[1]));
            for (int k = 0; k * size < covered; k++) {
                String name = "s" + size + "-" + k;
                rooms.add(size + "\t" + k + "\t" + name + "@" + service);
                created.add(pool.submit(() -> post(http, api + "/create_room", "{\"name\":\"" + name + "\",\"service\":\""
                        + service + "\",\"host\":\"" + host + "\"}")));
            }
        }
        for (Future<?> f : created) {
            f.get();
        }
        pool.shutdown();
        Files.write(out.resolve("rooms.tsv"), rooms);
        System.out.printf("registered %d users and created %d rooms in %.0f s%n", users, rooms.size(), (System.nanoTime() - t0) / 1e9);
    }

    private static String post(HttpClient http, String url, String json) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }
}
