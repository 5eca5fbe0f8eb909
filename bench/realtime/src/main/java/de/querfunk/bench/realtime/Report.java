package de.querfunk.bench.realtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Writes the "Real-time delivery" section of docs/benchmarks.md from one run's results, and the
 * latency plot as SVG. Other sections of that file are left as they are.
 */
final class Report {

    static final String HEADING = "## Real-time delivery";
    private static final String[] SERVERS = { "querfunk", "ejabberd" };
    private static final Map<String, String> NAMES = Map.of("querfunk", "Querfunk", "ejabberd", "ejabberd");

    private final List<Map<String, String>> rows = new ArrayList<>();
    /** Querfunk's rows of an earlier run on the same machine (the "before" of a change), if given. */
    private final List<Map<String, String>> baseline = new ArrayList<>();
    private final Map<String, String> baselineMachine = new LinkedHashMap<>();
    private final Map<String, Long> threads = new LinkedHashMap<>();
    private String baselineDir;
    private final Map<String, String> machine = new LinkedHashMap<>();
    private final String svgLink;
    private final StringBuilder md = new StringBuilder();

    private Report(String svgLink) {
        this.svgLink = svgLink;
    }

    static void run(Args args) throws IOException {
        Path doc = Path.of(args.get("doc"));
        Path svg = Path.of(args.get("svg"));
        Report r = new Report(doc.toAbsolutePath().getParent().relativize(svg.toAbsolutePath()).toString());
        r.rows.addAll(rows(Path.of(args.get("results"))));
        for (String line : Files.readAllLines(Path.of(args.get("machine")))) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                r.machine.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        Path hot = args.has("hot-methods") ? Path.of(args.get("hot-methods")) : null;
        Map<String, String> statements = new LinkedHashMap<>();
        for (String file : args.get("statements", "").split(",")) {
            Path p = Path.of(file.trim());
            if (!file.isBlank() && Files.exists(p)) {
                statements.put(p.getFileName().toString().replace("-statements.txt", ""), Files.readString(p));
            }
        }
        if (args.has("baseline") && Files.exists(Path.of(args.get("baseline"), "results.tsv"))) {
            Path dir = Path.of(args.get("baseline"));
            r.baseline.addAll(rows(dir.resolve("results.tsv")));
            for (String line : Files.readAllLines(dir.resolve("machine.txt"))) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    r.baselineMachine.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
            r.baselineDir = doc.toAbsolutePath().getParent().getParent().relativize(dir.toAbsolutePath()).toString();
        }
        if (args.has("jfr") && Files.exists(Path.of(args.get("jfr")))) {
            r.threads.putAll(threadShares(Path.of(args.get("jfr"))));
        }
        String section = r.section(hot != null && Files.exists(hot) ? Files.readString(hot) : null, statements);
        Files.createDirectories(svg.toAbsolutePath().getParent());
        Files.writeString(svg, r.plot());
        String existing = Files.exists(doc) ? Files.readString(doc) : "# Benchmarks\n\n";
        Files.writeString(doc, replaceSection(existing, section));
        System.out.println("wrote " + doc + " and " + svg);
    }

    /** The rows of a results file: one measured phase per line, tab-separated key=value fields. */
    static List<Map<String, String>> rows(Path results) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : Files.readAllLines(results)) {
            if (line.isBlank()) {
                continue;
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (String field : line.split("\t")) {
                int eq = field.indexOf('=');
                row.put(field.substring(0, eq), field.substring(eq + 1));
            }
            rows.add(row);
        }
        return rows;
    }

    /** Puts the section in place of the old one (up to the next level-2 heading), or appends it. */
    static String replaceSection(String doc, String section) {
        int start = doc.indexOf(HEADING + "\n");
        if (start < 0) {
            return doc.stripTrailing() + "\n\n" + section;
        }
        int end = doc.indexOf("\n## ", start + HEADING.length());
        return doc.substring(0, start) + section + (end < 0 ? "" : "\n" + doc.substring(end + 1));
    }

    private String m(String key) {
        return machine.getOrDefault(key, "?");
    }

    /** What Querfunk's threads do, by the name {@link #threadShares} gives them. */
    private static final Map<String, String> THREAD_ROLES = Map.of(
            "executor-thread-N", "blocking work: a send's transaction (checks, Markdown, inserts, event log), REST requests",
            "vert.x-eventloop-thread-N", "sockets: reading frames, writing acks and deliveries",
            "search-indexer", "search: turning new events into index documents, refreshing the searcher",
            "Lucene Merge Thread #N", "search: merging index segments in the background",
            "event-sequencer", "event log: giving committed events their positions and waking the readers");

    /** Java execution samples in a JFR recording per thread name, digits replaced by N, most first. */
    static Map<String, Long> threadShares(Path jfr) throws IOException {
        Map<String, Long> counts = new java.util.HashMap<>();
        try (var recording = new jdk.jfr.consumer.RecordingFile(jfr)) {
            while (recording.hasMoreEvents()) {
                var event = recording.readEvent();
                if (!"jdk.ExecutionSample".equals(event.getEventType().getName())) {
                    continue;
                }
                var thread = event.getThread("sampledThread");
                String name = thread == null ? "?" : thread.getJavaName() != null ? thread.getJavaName() : thread.getOSName();
                counts.merge(name == null ? "?" : name.replaceAll("\\d+", "N"), 1L, Long::sum);
            }
        }
        Map<String, Long> sorted = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    private String section(String hotMethods, Map<String, String> statements) {
        md.append(HEADING).append("\n\n");
        md.append("""
                How fast a message reaches everyone in its conversation, measured against [ejabberd](https://www.ejabberd.im/)
                (multi-user chat rooms with the message archive) on the same PostgreSQL, and how many durable sends Querfunk
                manages compared with PostgreSQL's own single-row insert rate. Written by `bench/realtime/run.sh`; the raw
                results (one line per measured phase, HdrHistogram percentile files, server logs, a JFR recording of Querfunk)
                stay in `bench/realtime/target/run-*/`.

                """);
        boolean quick = "quick".equals(m("mode"));
        md.append("**Conditions of this run:** ").append(quick ? "`--quick` run" : "full run").append(" on ").append(m("date"))
                .append(", commit `").append(m("commit")).append("`, ").append(m("minutes")).append(" minutes. Load average (1/5/15 min) ")
                .append(m("loadStart")).append(" at the start and ").append(m("loadEnd")).append(" at the end");
        double load = parseFirst(m("loadStart"));
        if (load > 1.0) {
            md.append(": **the machine was not idle when the run began** (the harness's own package install and build just"
                    + " before raise the load average; anything else running on this 2-core machine would too, and would"
                    + " disturb every number below: latencies too high, CPU time per message inflated by contention)."
                    + " Each row lists the load average before and after its measurement; the benchmark's own server,"
                    + " driver and PostgreSQL count in it, so compare rows of one run rather than absolute values");
        } else {
            md.append(". Each row lists the load average before and after its measurement; the benchmark's own server,"
                    + " driver and PostgreSQL count in it");
        }
        md.append(".\n\n");

        md.append("### Machine\n\n| CPU | Cores | Memory | Kernel | JDK | PostgreSQL | ejabberd |\n|---|---|---|---|---|---|---|\n");
        md.append("| ").append(m("cpu")).append(" | ").append(m("cores")).append(" | ").append(m("memory")).append(" | ")
                .append(m("kernel")).append(" | ").append(m("jdk")).append(" | ").append(m("postgresql")).append(" | ")
                .append(m("ejabberd")).append(" |\n\n");

        md.append("### Configuration\n\n");
        md.append("- Server (Querfunk or ejabberd, one at a time) pinned to core ").append(m("serverCpu"))
                .append(" with `taskset`, the load driver to core ").append(m("driverCpu"))
                .append("; PostgreSQL is not pinned. Everything talks over loopback.\n");
        md.append("- PostgreSQL: one cluster started by the harness for all three (Querfunk, ejabberd, pgbench), `synchronous_commit = on`,"
                + " `fsync = on`, `track_commit_timestamp = on`, `shared_buffers = 1GB`.\n");
        md.append("- Querfunk: the packaged jar with JVM defaults (on one visible core the JVM picks the Serial collector),"
                + " presence off (`querfunk.realtime.presence-enabled=false`: with it on, every connect sends one frame to every"
                + " open socket), the per-person send limit raised to 100,000/s, and cheap password hashing"
                + " (`password-hash-memory-kib=4096`, `iterations=1`) only so that the setup can create thousands of accounts;"
                + " sends are not hashed. Clients authenticate with personal access tokens and send over the socket"
                + " (`{\"type\":\"send\"}` → `ack`).\n");
        md.append("- ejabberd: Debian's package with the harness's own configuration (`bench/realtime/ejabberd/`): no shaper,"
                + " SQL storage, `mod_mam` with `default: always`, persistent rooms with `mam: true` and no history,"
                + " XMPP over WebSocket (RFC 7395) with SASL PLAIN. The room's reflection of a groupchat message to its sender,"
                + " sent after the archive write, stands for Querfunk's ack.\n");
        md.append("- Driver: the JDK's WebSocket client, one socket per person, ").append(m("people"))
                .append(" people set up through each server's API. Messages are ~110-character bodies stamped with their intended send"
                        + " time; the driver sends at a fixed rate whatever the server answers and records every latency from the"
                        + " intended time (no coordinated omission). Delivery latency is recorded at every member except the sender.")
                .append(" Warm-up ").append(m("warmupSeconds")).append(" s, then ").append(m("scenarioSeconds"))
                .append(" s measured per scenario. Each scenario waits until the server is idle, connects its clients, waits until no"
                        + " frame has arrived for 2 s (XMPP rooms announce every join to every occupant), then measures."
                        + " \"Driver lag max\" is how late the driver's sender ran against its schedule at worst: it is part of the"
                        + " latencies (they start at the intended time), so a large value means the driver's own core was contended.\n");
        md.append("- CPU per delivered message: the server process's utime+stime (`/proc/<pid>/stat`) over the measured window,"
                + " divided by deliveries; PostgreSQL's CPU (postmaster and backends) is shown separately per sent message.\n");
        md.append("- Bytes on the wire: what the driver read and wrote through its sockets (`/proc/self/io`) over the window,"
                + " per sent message (the send, the ack and all deliveries; WebSocket framing included, TCP/IP headers not).\n");
        md.append("- Memory per idle client: (resident memory with N clients − without) / N; for Querfunk also the heap in use"
                + " after a full GC (`jcmd GC.run`). ejabberd has no comparable collection trigger, so only its RSS is shown.\n\n");

        md.append("### Delivery latency by connected clients\n\n").append("Rooms of 100 members, ").append(m("rate"))
                .append(" messages/s in total, spread over all rooms.\n\n");
        latencyTable(r -> r.get("label").contains("-clients-"), "clients");
        md.append("![Delivery latency against connected clients](").append(svgLink).append(")\n\n");

        md.append("### Delivery latency by room size\n\n").append(m("roomClients"))
                .append(" clients. Rates per room size: ").append(m("roomScenarios").replace(" ", ", ").replace(":", " members at "))
                .append(" messages/s; rooms of 100 are the 1,000-client row above.\n\n");
        latencyTable(r -> r.get("label").contains("-rooms-"), "roomSize");

        md.append("### Memory per idle client\n\nMeasured when each scenario's clients had connected and gone quiet."
                + " Resident memory also moves for reasons of its own between the two readings: scenarios start after the"
                + " previous one's clients left, and neither the JVM nor the Erlang VM hands freed memory back at once, so"
                + " an RSS difference can be negative or far too large (shown as it came out). For Querfunk the heap in use"
                + " after a full GC is the dependable figure.\n\n| Scenario | Clients | Room size | Server | RSS per client |"
                + " Heap per client (after full GC) |\n|---|---|---|---|---|---|\n");
        for (String server : SERVERS) {
            for (Map<String, String> r : rows) {
                if (r.containsKey("rssPerClientKib") && "0".equals(r.get("step")) && r.get("label").startsWith(server + "-")) {
                    md.append("| ").append(r.get("label").substring(server.length() + 1)).append(" | ")
                            .append(String.format(Locale.ROOT, "%,d", Integer.parseInt(r.get("clients")))).append(" | ")
                            .append(r.get("roomSize")).append(" | ").append(name(r)).append(" | ").append(kb(r.get("rssPerClientKib")))
                            .append(" | ").append(r.get("heapPerClientKib").isEmpty() ? "–" : kb(r.get("heapPerClientKib")))
                            .append(" |\n");
                }
            }
        }
        md.append("\n");

        durable();
        targets();
        beforeAndAfter();
        if (!threads.isEmpty()) {
            long all = threads.values().stream().mapToLong(Long::longValue).sum();
            md.append("### Where Querfunk spent its CPU\n\nJava execution samples by thread over all scenarios (not the setup),"
                    + " from the recording `run.sh` starts with `jcmd JFR.start settings=profile`; numbered threads of one"
                    + " kind counted together:\n\n| Threads | Share of samples | What they do |\n|---|---|---|\n");
            threads.forEach((name, n) -> {
                if (n * 200 >= all) {
                    md.append("| ").append(name).append(" | ").append(String.format(Locale.ROOT, "%.1f %%", 100.0 * n / all))
                            .append(" | ").append(THREAD_ROLES.getOrDefault(name, "")).append(" |\n");
                }
            });
            md.append("\nQuerfunk indexes every message for search on the same core (the `search` rows above); ejabberd's"
                    + " archive does no full-text indexing, so that share is work only one of the two servers does.\n\n");
        }
        if (hotMethods != null && !hotMethods.isBlank()) {
            md.append(threads.isEmpty() ? "### Where Querfunk spent its CPU\n\n" : "")
                    .append("`jfr view hot-methods` over all scenarios (not the setup), from the"
                    + " recording `run.sh` starts with `jcmd JFR.start settings=profile`:\n\n```\n")
                    .append(hotMethods.strip().lines().limit(30).reduce((a, b) -> a + "\n" + b).orElse("")).append("\n```\n\n");
        }
        if (!statements.isEmpty()) {
            md.append("### What each server asked of PostgreSQL\n\nThe most frequent statements over all scenarios of each server"
                    + " (`pg_stat_statements`, reset after the setup), and how many messages were stored meanwhile:\n\n");
            statements.forEach((server, text) -> md.append("**").append(NAMES.getOrDefault(server, server)).append("**\n\n```\n")
                    .append(text.strip()).append("\n```\n\n"));
        }
        return md.toString();
    }

    private void latencyTable(Predicate<Map<String, String>> which, String key) {
        md.append("| ").append(key.equals("clients") ? "Clients" : "Room size").append(" | Server | Delivery p50 | p99 | p99.9 | max"
                + " | Send-ack p50 | p99 | Deliveries/s | Missing | Errors | Drops | Server CPU per delivery | PostgreSQL CPU per message"
                + " | Bytes per message | Driver lag max | Load before → after |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        TreeSet<Integer> keys = new TreeSet<>();
        for (Map<String, String> r : rows) {
            if (r.containsKey("deliveryP50Ms") && which.test(r)) {
                keys.add(Integer.parseInt(r.get(key)));
            }
        }
        for (int k : keys) {
            for (String server : SERVERS) {
                for (Map<String, String> r : rows) {
                    if (r.containsKey("deliveryP50Ms") && which.test(r) && r.get("label").startsWith(server)
                            && Integer.parseInt(r.get(key)) == k) {
                        md.append("| ").append(String.format(Locale.ROOT, "%,d", k)).append(" | ").append(NAMES.get(server))
                                .append(" | ").append(msCell(r.get("deliveryP50Ms"))).append(" | ").append(msCell(r.get("deliveryP99Ms")))
                                .append(" | ").append(msCell(r.get("deliveryP999Ms"))).append(" | ").append(msCell(r.get("deliveryMaxMs")))
                                .append(" | ").append(msCell(r.get("ackP50Ms"))).append(" | ").append(msCell(r.get("ackP99Ms")))
                                .append(" | ").append(round(r.get("deliveriesPerS"))).append(" | ").append(r.get("missing"))
                                .append(" | ").append(r.get("errors")).append(" | ").append(r.get("drops")).append(" | ")
                                .append(cpu(r.get("serverCpuMsPerDelivery"))).append(" | ").append(cpu(r.get("pgCpuMsPerMessage")))
                                .append(" | ").append(round(r.get("wireBytesPerMessage"))).append(" | ")
                                .append(msCell(r.get("maxSenderLagMs"))).append(" | ").append(r.get("loadBefore"))
                                .append(" → ").append(r.get("loadAfter")).append(" |\n");
                        if (!"0".equals(r.get("connectFailures"))) {
                            md.append("| | ↳ ").append(r.get("connectFailures")).append(" of ").append(r.get("clients"))
                                    .append(" clients failed to connect | | | | | | | | | | | | | | | |\n");
                        }
                    }
                }
            }
        }
        md.append("\n");
    }

    private void durable() {
        Map<String, String> pg = rows.stream().filter(r -> "pgbench".equals(r.get("label"))).findFirst().orElse(null);
        double limit = m("ackLimitMs").equals("?") ? 100 : Double.parseDouble(m("ackLimitMs"));
        md.append("### Durable sends against PostgreSQL's own limit\n\n");
        if (pg != null) {
            md.append("pgbench, same cluster and run, ").append(pg.get("clients")).append(" clients (as many as the ramp's sending clients), ")
                    .append(pg.get("durationS")).append(" s of single-row, message-shaped inserts (uuid key, conversation index,"
                            + " ~110-character body; one transaction each, `synchronous_commit = on`): **")
                    .append(round(pg.get("tps"))).append(" inserts/s**, average latency ").append(pg.get("latencyAvgMs"))
                    .append(" ms (load ").append(pg.get("loadBefore")).append(" → ").append(pg.get("loadAfter")).append(").\n\n");
        }
        md.append("Ramp: ").append(m("rampClients")).append(" clients in rooms of ").append(m("rampRoomSize")).append(", ")
                .append(m("senders")).append(" of them sending (one per room, in as many rooms), ").append(m("rampStepSeconds")).append(" s per step")
                .append(Integer.parseInt(m("rampStepSeconds")) >= 300 ? ""
                        : " (shorter than the 5 minutes per step that the full run holds each rate)")
                .append(", each step after 10 s of warm-up; the ramp stops after the first step whose send-ack p99 exceeds ")
                .append(round(String.valueOf(limit))).append(" ms. Small rooms keep the fan-out small, so that the ramp finds"
                        + " the durable-send limit rather than the delivery limit (rooms of 100 at ").append(m("rate"))
                .append(" messages/s are measured above).\n\n");
        md.append("| Server | Target rate | Sent/s | Send-ack p50 | p99 | p99.9 | Delivery p99 | Missing | Errors | Server CPU per message | Load before → after | Within limit |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        Map<String, Double> best = new LinkedHashMap<>();
        for (String server : SERVERS) {
            for (Map<String, String> r : rows) {
                if ((server + "-ramp").equals(r.get("label")) && r.containsKey("ackP99Ms")) {
                    boolean ok = Double.parseDouble(r.get("ackP99Ms")) <= limit && "0".equals(r.get("errors"));
                    double sent = Double.parseDouble(r.get("sendRate"));
                    if (ok) {
                        best.merge(server, sent, Math::max);
                    }
                    double cpuPerMsg = Double.parseDouble(r.get("serverCpuMs")) / Math.max(1, Double.parseDouble(r.get("sent")));
                    md.append("| ").append(NAMES.get(server)).append(" | ").append(round(r.get("rate"))).append("/s | ")
                            .append(round(r.get("sendRate"))).append(" | ").append(msCell(r.get("ackP50Ms"))).append(" | ")
                            .append(msCell(r.get("ackP99Ms"))).append(" | ").append(msCell(r.get("ackP999Ms"))).append(" | ")
                            .append(msCell(r.get("deliveryP99Ms"))).append(" | ").append(r.get("missing")).append(" | ")
                            .append(r.get("errors")).append(" | ").append(String.format(Locale.ROOT, "%.2f ms", cpuPerMsg))
                            .append(" | ").append(r.get("loadBefore")).append(" → ").append(r.get("loadAfter")).append(" | ")
                            .append(ok ? "yes" : "**no**").append(" |\n");
                }
            }
        }
        md.append("\n");
        if (pg != null) {
            double tps = Double.parseDouble(pg.get("tps"));
            for (String server : SERVERS) {
                if (rows.stream().anyMatch(r -> (server + "-ramp").equals(r.get("label")))) {
                    Double b = best.get(server);
                    md.append("- ").append(NAMES.get(server)).append(": highest sustained rate within the limit ")
                            .append(b == null ? "none (already the first step was over it)" : round(String.valueOf(b)) + " messages/s")
                            .append(b == null ? "" : String.format(Locale.ROOT, " = **%.1f %%** of raw PostgreSQL inserts", 100 * b / tps))
                            .append(".\n");
                }
            }
            md.append("\n");
        }
    }

    private void targets() {
        md.append("### Against the targets\n\n| Target | This run | Met |\n|---|---|---|\n");
        Map<String, String> q5 = find("querfunk-clients-5000");
        md.append("| Delivery p99 under 50 ms at 5,000 clients | ")
                .append(q5 == null ? "not run" : msCell(q5.get("deliveryP99Ms"))).append(" | ")
                .append(q5 == null ? "–" : Double.parseDouble(q5.get("deliveryP99Ms")) < 50 ? "yes" : "**no**").append(" |\n");
        List<String> ahead = new ArrayList<>();
        boolean all = true;
        boolean any = false;
        for (Map<String, String> q : rows) {
            String label = q.get("label");
            if (label.startsWith("querfunk-") && !label.endsWith("-ramp") && q.containsKey("deliveryP99Ms")) {
                Map<String, String> e = find(label.replace("querfunk-", "ejabberd-"));
                if (e != null) {
                    any = true;
                    boolean better = Double.parseDouble(q.get("deliveryP99Ms")) < Double.parseDouble(e.get("deliveryP99Ms"));
                    all &= better;
                    ahead.add(label.substring("querfunk-".length()) + ": " + msCell(q.get("deliveryP99Ms")) + " vs "
                            + msCell(e.get("deliveryP99Ms")));
                }
            }
        }
        md.append("| Delivery p99 ahead of ejabberd at every size | ").append(any ? String.join("; ", ahead) : "not run")
                .append(" | ").append(any ? (all ? "yes" : "**no**") : "–").append(" |\n");
        Map<String, String> pg = find("pgbench");
        double best = rows.stream().filter(r -> "querfunk-ramp".equals(r.get("label")) && r.containsKey("ackP99Ms")
                && Double.parseDouble(r.get("ackP99Ms")) <= Double.parseDouble(m("ackLimitMs").equals("?") ? "100" : m("ackLimitMs"))
                && "0".equals(r.get("errors"))).mapToDouble(r -> Double.parseDouble(r.get("sendRate"))).max().orElse(0);
        double share = pg == null ? 0 : 100 * best / Double.parseDouble(pg.get("tps"));
        md.append("| Durable sends at least half of raw PostgreSQL inserts | ")
                .append(pg == null ? "not run" : String.format(Locale.ROOT, "%.1f %%", share)).append(" | ")
                .append(pg == null ? "–" : share >= 50 ? "yes" : "**no**").append(" |\n");
        double heap = rows.stream().filter(r -> r.get("label").startsWith("querfunk-clients-") && "0".equals(r.get("step"))
                && !r.getOrDefault("heapPerClientKib", "").isEmpty()).mapToDouble(r -> Double.parseDouble(r.get("heapPerClientKib")))
                .max().orElse(Double.NaN);
        md.append("| Under 20 KB heap per idle client | ").append(Double.isNaN(heap) ? "not run" : "up to " + kb(String.valueOf(heap)))
                .append(" | ").append(Double.isNaN(heap) ? "–" : heap * 1.024 < 20 ? "yes" : "**no**").append(" |\n\n");
    }

    /** Querfunk before (the baseline run) and after (this run), scenario by scenario. */
    private void beforeAndAfter() {
        if (baseline.isEmpty()) {
            return;
        }
        md.append("### Querfunk before and after\n\nThe same scenarios from a ")
                .append("quick".equals(baselineMachine.get("mode")) ? "`--quick` " : "").append("run of commit `")
                .append(baselineMachine.getOrDefault("commit", "?")).append("` on ").append(baselineMachine.getOrDefault("date", "?"))
                .append(" (load ").append(baselineMachine.getOrDefault("loadStart", "?")).append(" at its start; its results are kept in `")
                .append(baselineDir).append("`), before the changes its profile pointed to, and from this run.\n\n");
        md.append("| Scenario | Delivery p50 before → after | p99 before → after | Send-ack p99 before → after"
                + " | Server CPU per delivery before → after |\n|---|---|---|---|---|\n");
        for (Map<String, String> now : rows) {
            String label = now.get("label");
            if (!label.startsWith("querfunk-") || label.endsWith("-ramp") || !now.containsKey("deliveryP99Ms")) {
                continue;
            }
            Map<String, String> was = baseline.stream().filter(r -> label.equals(r.get("label"))).findFirst().orElse(null);
            if (was == null) {
                continue;
            }
            md.append("| ").append(label.substring("querfunk-".length())).append(" | ")
                    .append(msCell(was.get("deliveryP50Ms"))).append(" → ").append(msCell(now.get("deliveryP50Ms"))).append(" | ")
                    .append(msCell(was.get("deliveryP99Ms"))).append(" → ").append(msCell(now.get("deliveryP99Ms"))).append(" | ")
                    .append(msCell(was.get("ackP99Ms"))).append(" → ").append(msCell(now.get("ackP99Ms"))).append(" | ")
                    .append(cpu(was.get("serverCpuMsPerDelivery"))).append(" → ").append(cpu(now.get("serverCpuMsPerDelivery")))
                    .append(" |\n");
        }
        double limit = m("ackLimitMs").equals("?") ? 100 : Double.parseDouble(m("ackLimitMs"));
        md.append("| highest send rate with send-ack p99 ≤ ").append(round(String.valueOf(limit))).append(" ms | ")
                .append(bestRate(baseline, limit)).append(" → ").append(bestRate(rows, limit)).append(" messages/s | | | |\n\n");
    }

    private static String bestRate(List<Map<String, String>> rows, double limit) {
        double best = rows.stream().filter(r -> "querfunk-ramp".equals(r.get("label")) && r.containsKey("ackP99Ms")
                && Double.parseDouble(r.get("ackP99Ms")) <= limit && "0".equals(r.get("errors")))
                .mapToDouble(r -> Double.parseDouble(r.get("sendRate"))).max().orElse(0);
        return String.format(Locale.ROOT, "%,.0f", best);
    }

    private Map<String, String> find(String label) {
        return rows.stream().filter(r -> label.equals(r.get("label")) && "0".equals(r.getOrDefault("step", "0"))).findFirst()
                .orElse(null);
    }

    /** Delivery p50 and p99 against connected clients, log-scaled latency, both servers. */
    private String plot() {
        int w = 720;
        int h = 420;
        int left = 70;
        int right = 190;
        int top = 48;
        int bottom = 60;
        TreeSet<Integer> xs = new TreeSet<>();
        double maxMs = 1;
        double minMs = 1e9;
        for (Map<String, String> r : rows) {
            if (r.get("label").contains("-clients-") && r.containsKey("deliveryP99Ms")) {
                xs.add(Integer.parseInt(r.get("clients")));
                maxMs = Math.max(maxMs, Double.parseDouble(r.get("deliveryP99Ms")));
                minMs = Math.min(minMs, Math.max(0.1, Double.parseDouble(r.get("deliveryP50Ms"))));
            }
        }
        double lo = Math.pow(10, Math.floor(Math.log10(Math.min(minMs, 1))));
        double hi = Math.pow(10, Math.ceil(Math.log10(maxMs)));
        int xMax = xs.isEmpty() ? 10000 : xs.last();
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                + " font-family=\"sans-serif\" font-size=\"12\">\n", w, h, w, h));
        s.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"18\" font-size=\"14\" font-weight=\"bold\">Delivery latency against"
                + " connected clients</text>\n", left));
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"34\" fill=\"#555\">rooms of 100, %s messages/s; %s run, %s</text>\n",
                left, m("rate"), m("mode"), m("date")));
        int pw = w - left - right;
        int ph = h - top - bottom;
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#333\"/>\n",
                left, top, pw, ph));
        for (double d = lo; d <= hi * 1.0001; d *= 10) {
            double y = top + ph - ph * (Math.log10(d) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo));
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>", left, y, left + pw, y));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s ms</text>\n", left - 6, y + 4,
                    d < 1 ? String.valueOf(d) : String.format(Locale.ROOT, "%,.0f", d)));
        }
        for (int x : xs) {
            double px = left + pw * x / (double) xMax;
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>", px, top, px, top + ph));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%,d</text>\n", px, top + ph + 18, x));
        }
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">connected clients</text>\n",
                left + pw / 2, h - 18));
        String[][] series = { { "querfunk", "deliveryP50Ms", "#1f77b4", "", "Querfunk p50" },
                { "querfunk", "deliveryP99Ms", "#1f77b4", "6,4", "Querfunk p99" },
                { "ejabberd", "deliveryP50Ms", "#d62728", "", "ejabberd p50" },
                { "ejabberd", "deliveryP99Ms", "#d62728", "6,4", "ejabberd p99" } };
        int legendY = top + 10;
        for (String[] se : series) {
            StringBuilder pts = new StringBuilder();
            for (int x : xs) {
                Map<String, String> r = find(se[0] + "-clients-" + x);
                if (r == null) {
                    continue;
                }
                double v = Math.max(lo, Double.parseDouble(r.get(se[1])));
                double px = left + pw * x / (double) xMax;
                double py = top + ph - ph * (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo));
                pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
                s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\"/>", px, py, se[2]));
            }
            if (pts.isEmpty()) {
                continue;
            }
            s.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s/>\n",
                    pts.toString().trim(), se[2], se[3].isEmpty() ? "" : " stroke-dasharray=\"" + se[3] + "\""));
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"%s/>",
                    left + pw + 15, legendY, left + pw + 45, legendY, se[2],
                    se[3].isEmpty() ? "" : " stroke-dasharray=\"" + se[3] + "\""));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>\n", left + pw + 52, legendY + 4, se[4]));
            legendY += 22;
        }
        if (parseFirst(m("loadStart")) > 1.0) {
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#a00\">machine busy: load %s</text>\n",
                    left + pw + 15, legendY + 10, m("loadStart").split(" ")[0]));
        }
        s.append("</svg>\n");
        return s.toString();
    }

    private String name(Map<String, String> r) {
        return NAMES.get(r.get("label").split("-")[0]);
    }

    private static double parseFirst(String load) {
        try {
            return Double.parseDouble(load.trim().split("[ /]")[0]);
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private static String msCell(String v) {
        if (v == null || v.isEmpty()) {
            return "–";
        }
        double d = Double.parseDouble(v);
        return d >= 100 ? String.format(Locale.ROOT, "%,.0f ms", d) : d >= 10 ? String.format(Locale.ROOT, "%.1f ms", d)
                : String.format(Locale.ROOT, "%.2f ms", d);
    }

    private static String round(String v) {
        if (v == null || v.isEmpty()) {
            return "–";
        }
        return String.format(Locale.ROOT, "%,.0f", Double.parseDouble(v));
    }

    private static String cpu(String v) {
        if (v == null || v.isEmpty()) {
            return "–";
        }
        return String.format(Locale.ROOT, "%.3f ms", Double.parseDouble(v));
    }

    private static String kb(String kib) {
        if (kib == null || kib.isEmpty()) {
            return "–";
        }
        return String.format(Locale.ROOT, "%.1f KiB", Double.parseDouble(kib));
    }
}
