package de.querfunk.bench.realtime;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * One scenario: connect N clients into rooms of one size, then one or more phases of sending at a
 * fixed rate (a ramp is several phases with rising rates). The sender keeps its schedule whatever
 * the server answers; every latency runs from the intended send time.
 */
final class LoadRun implements Sink {

    private static final long MAX_MICROS = TimeUnit.HOURS.toMicros(1);

    private final Args args;
    private final String protocol;
    private final int clients;
    private final int roomSize;
    private final long serverPid;
    private final long pgPid;
    private final String jcmd;
    private final int clkTck;
    private final List<Room> rooms = new ArrayList<>();
    private final List<Conn> conns = new ArrayList<>();
    private final List<HttpClient> https = new ArrayList<>();

    private final ConcurrentHistogram delivery = new ConcurrentHistogram(MAX_MICROS, 3);
    private final ConcurrentHistogram ack = new ConcurrentHistogram(MAX_MICROS, 3);
    private final LongAdder delivered = new LongAdder();
    private final LongAdder acked = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder drops = new LongAdder();
    private final AtomicInteger dropReports = new AtomicInteger();
    private final AtomicInteger errorReports = new AtomicInteger();
    private volatile long windowStart = Long.MAX_VALUE;
    private volatile long windowEnd = Long.MIN_VALUE;
    /** Continues across the phases of a ramp: sequence numbers make the idempotency keys. */
    private long nextSeq;

    LoadRun(Args args) {
        this.args = args;
        this.protocol = args.get("protocol");
        this.clients = args.getInt("clients", 1000);
        this.roomSize = args.getInt("room-size", 100);
        this.serverPid = args.getLong("server-pid", -1);
        this.pgPid = args.getLong("pg-pid", -1);
        this.jcmd = args.get("jcmd", null);
        this.clkTck = args.getInt("clk-tck", 100);
    }

    void run() throws Exception {
        Path data = Path.of(args.get("data"));
        List<String[]> users = read(data.resolve("users.tsv"));
        List<String[]> roomRows = read(data.resolve("rooms.tsv"));
        if (users.size() < clients) {
            throw new IllegalStateException("only " + users.size() + " users set up, " + clients + " asked for");
        }
        for (String[] r : roomRows) {
            if (Integer.parseInt(r[0]) == roomSize) {
                rooms.add(new Room(Integer.parseInt(r[1]), r[2]));
            }
        }
        rooms.sort((a, b) -> Integer.compare(a.index, b.index));
        int roomsNeeded = (clients + roomSize - 1) / roomSize;
        if (rooms.size() < roomsNeeded) {
            throw new IllegalStateException("only " + rooms.size() + " rooms of " + roomSize + " set up, " + roomsNeeded + " needed");
        }
        rooms.subList(roomsNeeded, rooms.size()).clear();

        String runId = Long.toString(System.currentTimeMillis(), 36);
        for (int i = 0; i < clients; i++) {
            Room room = rooms.get(i / roomSize);
            String[] u = users.get(i);
            Conn c = switch (protocol) {
                case "querfunk" -> new QuerfunkConn(i, room, this, u[2], runId);
                case "xmpp" -> new XmppConn(i, room, this, args.get("domain", "localhost"), u[1], u[2]);
                default -> throw new IllegalArgumentException("protocol querfunk or xmpp");
            };
            room.members.add(c);
            conns.add(c);
        }

        Map<String, String> common = new LinkedHashMap<>();
        common.put("label", args.get("label", protocol));
        common.put("protocol", protocol);
        common.put("clients", Integer.toString(clients));
        common.put("roomSize", Integer.toString(roomSize));
        common.put("rooms", Integer.toString(rooms.size()));

        waitUntilServerIdle();
        long heap0 = ProcessStats.gcAndHeapUsedKib(jcmd, serverPid);
        long rss0 = ProcessStats.rssKib(serverPid);
        // A JVM may give back the heap that the setup grew only over several collections: the
        // baseline is taken once the resident size holds still (within 2 %), so that it is not
        // compared with a heap shrunk later (one run saw 3.1 GB fall to 0.7 GB that way).
        for (int i = 0; i < 4 && jcmd != null; i++) {
            Thread.sleep(500);
            long heap = ProcessStats.gcAndHeapUsedKib(jcmd, serverPid);
            long rss = ProcessStats.rssKib(serverPid);
            boolean still = Math.abs(rss - rss0) <= rss0 / 50;
            heap0 = heap;
            rss0 = rss;
            if (still) {
                break;
            }
        }
        long connectStart = System.nanoTime();
        int failed = connectAll(URI.create(args.get("url")));
        double connectSeconds = (System.nanoTime() - connectStart) / 1e9;
        // Joins cause traffic of their own (XMPP rooms send every occupant's presence to all others):
        // wait until no frame has arrived for two seconds, so that the measurement starts on a quiet server.
        long settleStart = System.nanoTime();
        Thread.sleep(args.getInt("settle", 3) * 1000L);
        long settleEnd = System.nanoTime() + args.getInt("settle-max", 180) * 1_000_000_000L;
        while (System.nanoTime() - Conn.lastFrameNanos < 2_000_000_000L && System.nanoTime() < settleEnd) {
            Thread.sleep(200);
        }
        common.put("settleSeconds", fmt((System.nanoTime() - settleStart) / 1e9));
        long heapN = ProcessStats.gcAndHeapUsedKib(jcmd, serverPid);
        long rssN = ProcessStats.rssKib(serverPid);
        int live = clients - failed;
        common.put("connected", Integer.toString(live));
        common.put("connectFailures", Integer.toString(failed));
        common.put("connectSeconds", fmt(connectSeconds));
        common.put("rss0Kib", Long.toString(rss0));
        common.put("rssNKib", Long.toString(rssN));
        common.put("heap0Kib", Long.toString(heap0));
        common.put("heapNKib", Long.toString(heapN));
        common.put("rssPerClientKib", live == 0 ? "" : fmt((rssN - rss0) / (double) live));
        common.put("heapPerClientKib", live == 0 || heap0 < 0 ? "" : fmt((heapN - heap0) / (double) live));
        System.out.printf(Locale.ROOT, "%s: %d of %d connected in %.1f s, quiet after %s s; RSS %d -> %d KiB, heap %d -> %d KiB%n",
                common.get("label"), live, clients, connectSeconds, common.get("settleSeconds"), rss0, rssN, heap0, heapN);

        double[] rates = parseRates(args.get("rates", "50"));
        double ackLimitMs = args.getDouble("ack-p99-limit-ms", Double.MAX_VALUE);
        for (int step = 0; step < rates.length; step++) {
            Map<String, String> result = new LinkedHashMap<>(common);
            result.put("step", Integer.toString(step));
            phase(rates[step], args.getInt("warmup", 10), args.getInt("duration", 30), result);
            write(result);
            if (Double.parseDouble(result.get("ackP99Ms")) > ackLimitMs || live == 0) {
                System.out.printf("send-ack p99 %s ms is over %s ms: ramp ends%n", result.get("ackP99Ms"), ackLimitMs);
                break;
            }
        }
        for (Conn c : conns) {
            c.close();
        }
        Thread.sleep(1000);
    }

    /**
     * The previous scenario's clients may still be leaving (an XMPP room tells every occupant about
     * each departure): wait until the server uses less than a tenth of a core, at most three minutes.
     */
    private void waitUntilServerIdle() throws InterruptedException {
        long end = System.nanoTime() + 180_000_000_000L;
        long before = ProcessStats.cpuTicks(serverPid);
        while (System.nanoTime() < end) {
            Thread.sleep(1000);
            long now = ProcessStats.cpuTicks(serverPid);
            if (now - before <= clkTck / 10) {
                return;
            }
            before = now;
        }
        System.out.println("server still busy after three minutes; measuring anyway");
    }

    private int connectAll(URI uri) throws Exception {
        int perAddress = args.getInt("conn-per-address", 2000);
        // Each client connects from its own loopback source address, so that ports never run out.
        for (int i = 0; i * perAddress < clients; i++) {
            https.add(HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.1." + (i + 1))).build());
        }
        Semaphore inFlight = new Semaphore(args.getInt("connect-parallel", 100));
        List<CompletableFuture<Void>> all = new ArrayList<>();
        AtomicInteger failures = new AtomicInteger();
        for (Conn c : conns) {
            inFlight.acquire();
            CompletableFuture<Void> f = c.open(https.get(c.index / perAddress), uri)
                    .orTimeout(60, TimeUnit.SECONDS)
                    .whenComplete((x, e) -> {
                        inFlight.release();
                        if (e != null && failures.incrementAndGet() <= 5) {
                            System.out.println("connect failed: " + e);
                        }
                    });
            all.add(f);
            if (c.index % 1000 == 999) {
                System.out.println("  " + (c.index + 1) + " connecting");
            }
        }
        try {
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(600, TimeUnit.SECONDS);
        } catch (Exception e) {
            // failures are counted per connection
        }
        int failed = 0;
        for (Conn c : conns) {
            if (!c.live()) {
                failed++;
            }
        }
        return failed;
    }

    private void phase(double rate, int warmup, int duration, Map<String, String> out) throws Exception {
        delivery.reset();
        ack.reset();
        delivered.reset();
        acked.reset();
        errors.reset();
        drops.reset();
        long period = (long) (1e9 / rate);
        long start = System.nanoTime() + 200_000_000L;
        long ws = start + warmup * 1_000_000_000L;
        long we = ws + duration * 1_000_000_000L;
        windowStart = ws;
        windowEnd = we;
        // Senders: every client, or a fixed number spread round-robin over the rooms.
        int senders = args.getInt("senders", 0);
        List<Conn> pool = new ArrayList<>();
        if (senders <= 0) {
            int most = rooms.stream().mapToInt(r -> r.members.size()).max().orElse(0);
            for (int k = 0; k < most; k++) {
                for (Room r : rooms) {
                    if (k < r.members.size()) {
                        pool.add(r.members.get(k));
                    }
                }
            }
        } else {
            for (int j = 0; j < senders && j / rooms.size() < rooms.get(j % rooms.size()).members.size(); j++) {
                pool.add(rooms.get(j % rooms.size()).members.get(j / rooms.size()));
            }
        }
        long[][] snap = new long[2][];
        String[] load = new String[2];
        Thread monitor = Thread.ofPlatform().name("monitor").start(() -> {
            for (int i = 0; i < 2; i++) {
                long at = i == 0 ? ws : we;
                long wait;
                while ((wait = at - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                long[] io = ProcessStats.ownIo();
                snap[i] = new long[] { ProcessStats.cpuTicks(serverPid), ProcessStats.cpuTicksWithChildren(pgPid), io[0], io[1],
                        ProcessStats.cpuTicks(ProcessHandle.current().pid()) };
                load[i] = ProcessStats.loadAverage();
            }
        });
        long sentInWindow = 0;
        long expected = 0;
        long skipped = 0;
        long maxLagNanos = 0;
        for (long i = 0;; i++) {
            long intended = start + i * period;
            long seq = nextSeq++;
            if (intended >= we) {
                break;
            }
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            maxLagNanos = Math.max(maxLagNanos, System.nanoTime() - intended);
            Conn sender = null;
            for (int k = 0; k < pool.size() && sender == null; k++) {
                Conn c = pool.get((int) ((i + k) % pool.size()));
                if (c.live()) {
                    sender = c;
                }
            }
            if (sender == null) {
                skipped++;
                continue;
            }
            if (intended >= ws) {
                sentInWindow++;
                expected += sender.room.connected() - 1;
            }
            sender.send(new Stamp(intended, sender.index, seq));
        }
        long drainEnd = System.nanoTime() + args.getInt("drain", 10) * 1_000_000_000L;
        while (System.nanoTime() < drainEnd && (delivered.sum() < expected || acked.sum() < sentInWindow)) {
            Thread.sleep(50);
        }
        monitor.join();
        Histogram d = delivery.copy();
        Histogram a = ack.copy();
        long got = delivered.sum();
        double cpuServerMs = (snap[1][0] - snap[0][0]) * 1000.0 / clkTck;
        double cpuPgMs = (snap[1][1] - snap[0][1]) * 1000.0 / clkTck;
        double cpuDriverMs = (snap[1][4] - snap[0][4]) * 1000.0 / clkTck;
        long bytesIn = snap[1][2] - snap[0][2];
        long bytesOut = snap[1][3] - snap[0][3];
        out.put("rate", fmt(rate));
        out.put("warmupS", Integer.toString(warmup));
        out.put("durationS", Integer.toString(duration));
        out.put("sent", Long.toString(sentInWindow));
        out.put("skipped", Long.toString(skipped));
        out.put("sendRate", fmt(sentInWindow / (double) duration));
        out.put("maxSenderLagMs", fmt(maxLagNanos / 1e6));
        out.put("expected", Long.toString(expected));
        out.put("delivered", Long.toString(got));
        out.put("missing", Long.toString(Math.max(0, expected - got)));
        out.put("acked", Long.toString(acked.sum()));
        out.put("errors", Long.toString(errors.sum()));
        out.put("drops", Long.toString(drops.sum()));
        out.put("deliveriesPerS", fmt(got / (double) duration));
        out.put("deliveryP50Ms", ms(d, 50));
        out.put("deliveryP99Ms", ms(d, 99));
        out.put("deliveryP999Ms", ms(d, 99.9));
        out.put("deliveryMaxMs", fmt(d.getTotalCount() == 0 ? 0 : d.getMaxValue() / 1000.0));
        out.put("ackP50Ms", ms(a, 50));
        out.put("ackP99Ms", ms(a, 99));
        out.put("ackP999Ms", ms(a, 99.9));
        out.put("ackMaxMs", fmt(a.getTotalCount() == 0 ? 0 : a.getMaxValue() / 1000.0));
        out.put("serverCpuMs", fmt(cpuServerMs));
        out.put("pgCpuMs", fmt(cpuPgMs));
        out.put("driverCpuMs", fmt(cpuDriverMs));
        out.put("serverCpuMsPerDelivery", got == 0 ? "" : fmt4(cpuServerMs / got));
        out.put("pgCpuMsPerMessage", sentInWindow == 0 ? "" : fmt4(cpuPgMs / sentInWindow));
        out.put("wireBytesIn", Long.toString(bytesIn));
        out.put("wireBytesOut", Long.toString(bytesOut));
        out.put("wireBytesPerMessage", sentInWindow == 0 ? "" : fmt((bytesIn + bytesOut) / (double) sentInWindow));
        out.put("wireBytesPerDelivery", got == 0 ? "" : fmt(bytesIn / (double) got));
        out.put("loadBefore", load[0]);
        out.put("loadAfter", load[1]);
        String hist = args.get("hist-dir", null);
        if (hist != null) {
            String name = out.get("label") + "-step" + out.get("step");
            try (PrintStream ps = new PrintStream(Files.newOutputStream(Path.of(hist, name + "-delivery.hgrm")))) {
                d.outputPercentileDistribution(ps, 1000.0);
            }
            try (PrintStream ps = new PrintStream(Files.newOutputStream(Path.of(hist, name + "-ack.hgrm")))) {
                a.outputPercentileDistribution(ps, 1000.0);
            }
        }
        System.out.printf(Locale.ROOT,
                "%s rate %.0f/s: sent %d, delivered %d/%d, delivery p50 %s p99 %s p99.9 %s ms, ack p50 %s p99 %s ms, errors %d, drops %d,"
                        + " server %.0f ms CPU, load %s -> %s%n",
                out.get("label"), rate, sentInWindow, got, expected, out.get("deliveryP50Ms"), out.get("deliveryP99Ms"),
                out.get("deliveryP999Ms"), out.get("ackP50Ms"), out.get("ackP99Ms"), errors.sum(), drops.sum(), cpuServerMs,
                load[0], load[1]);
    }

    @Override
    public void delivered(Conn to, Stamp stamp, long now) {
        long t = stamp.intendedNanos();
        if (t >= windowStart && t < windowEnd) {
            delivery.recordValue(Math.min(MAX_MICROS, Math.max(0, (now - t) / 1000)));
            delivered.increment();
        }
    }

    @Override
    public void acked(Conn by, Stamp stamp, long now) {
        long t = stamp.intendedNanos();
        if (t >= windowStart && t < windowEnd) {
            ack.recordValue(Math.min(MAX_MICROS, Math.max(0, (now - t) / 1000)));
            acked.increment();
        }
    }

    @Override
    public void error(Conn on, String frame) {
        errors.increment();
        if (errorReports.incrementAndGet() <= 5) {
            System.out.println("error frame on " + on.index + ": " + frame.substring(0, Math.min(400, frame.length())));
        }
    }

    @Override
    public void dropped(Conn c, String why) {
        drops.increment();
        if (dropReports.incrementAndGet() <= 5) {
            System.out.println("connection " + c.index + " dropped: " + why);
        }
    }

    private void write(Map<String, String> result) throws IOException {
        StringBuilder line = new StringBuilder();
        result.forEach((k, v) -> line.append(line.isEmpty() ? "" : "\t").append(k).append('=').append(v == null ? "" : v));
        line.append('\n');
        Files.writeString(Path.of(args.get("out")), line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    static List<String[]> read(Path file) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                rows.add(line.split("\t"));
            }
        }
        return rows;
    }

    private static double[] parseRates(String s) {
        String[] parts = s.split(",");
        double[] r = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            r[i] = Double.parseDouble(parts[i].trim());
        }
        return r;
    }

    private static String ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? "0" : fmt(h.getValueAtPercentile(percentile) / 1000.0);
    }

    static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    static String fmt4(double v) {
        return String.format(Locale.ROOT, "%.5f", v);
    }
}
