package de.querfunk.bench.realtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what the kernel knows about a process: CPU time, resident memory, bytes read and written. */
final class ProcessStats {

    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    private ProcessStats() {
    }

    /** utime + stime of the process, in clock ticks; 0 if it is gone. */
    static long cpuTicks(long pid) {
        return pid <= 0 ? 0 : fields(pid) == null ? 0 : ticks(fields(pid));
    }

    /** CPU ticks of a process and all its direct children (PostgreSQL's postmaster and backends). */
    static long cpuTicksWithChildren(long pid) {
        if (pid <= 0) {
            return 0;
        }
        long sum = 0;
        try (var dirs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) dirs::iterator) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                long child = Long.parseLong(name);
                String[] f = fields(child);
                if (f != null && (child == pid || Long.parseLong(f[1]) == pid)) {
                    sum += ticks(f);
                }
            }
        } catch (IOException e) {
            return sum;
        }
        return sum;
    }

    /** Fields after the command name: index 0 is the state, 1 the parent pid, 11 utime, 12 stime. */
    private static String[] fields(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static long ticks(String[] f) {
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    /** Resident set size in KiB. */
    static long rssKib(long pid) {
        if (pid <= 0) {
            return 0;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }

    /** rchar and wchar of this process: what it read and wrote through system calls, sockets included. */
    static long[] ownIo() {
        long r = 0;
        long w = 0;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/io"))) {
                if (line.startsWith("rchar:")) {
                    r = Long.parseLong(line.substring(6).trim());
                } else if (line.startsWith("wchar:")) {
                    w = Long.parseLong(line.substring(6).trim());
                }
            }
        } catch (IOException e) {
            return new long[] { 0, 0 };
        }
        return new long[] { r, w };
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + "/" + f[1] + "/" + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    /** Full GC in the JVM, then the heap in use in KiB; -1 without jcmd. */
    static long gcAndHeapUsedKib(String jcmd, long pid) {
        if (jcmd == null || pid <= 0) {
            return -1;
        }
        run(List.of(jcmd, Long.toString(pid), "GC.run"));
        run(List.of(jcmd, Long.toString(pid), "GC.run"));
        String out = run(List.of(jcmd, Long.toString(pid), "GC.heap_info"));
        // G1 prints one line for the heap; Serial and Parallel one per generation. Metaspace is not heap.
        long used = -1;
        for (String line : out.split("\n")) {
            Matcher m = HEAP_USED.matcher(line);
            if (m.find() && !line.contains("Metaspace") && !line.contains("class space")) {
                used = Math.max(used, 0) + Long.parseLong(m.group(1));
            }
        }
        return used;
    }

    /** Runs a command and returns what it printed, or an empty string when it failed. */
    static String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor(60, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
