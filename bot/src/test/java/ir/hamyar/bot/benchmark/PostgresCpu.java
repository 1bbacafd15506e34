package ir.hamyar.bot.benchmark;

import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time used by a local PostgreSQL server: its postmaster and every backend and helper process it started
 * (read from {@code /proc}; a backend that exits hands its time to the postmaster's "children" counters, so the
 * sum never goes back). Lets the load benchmark show where a saturated 2-core machine's CPU goes.
 */
final class PostgresCpu {

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

    private final long postmaster;

    private PostgresCpu(long postmaster) {
        this.postmaster = postmaster;
    }

    /** The server behind {@code jdbc} (it must run on this machine). */
    static PostgresCpu of(JdbcTemplate jdbc) throws IOException {
        String dataDirectory = jdbc.queryForObject("SELECT current_setting('data_directory')", String.class);
        String first = Files.readAllLines(Path.of(dataDirectory, "postmaster.pid")).get(0).strip();
        return new PostgresCpu(Long.parseLong(first));
    }

    /** CPU seconds used so far by the server's processes. */
    double seconds() {
        return byKind().values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /**
     * CPU seconds used so far by kind of process, named after its title ("walwriter", "autovacuum worker",
     * "client backend" for the connections, ...); "postmaster and ended processes" holds the postmaster's own time
     * and what its exited children (short-lived autovacuum workers, closed connections) had used.
     */
    java.util.Map<String, Double> byKind() {
        java.util.Map<String, Long> ticks = new java.util.TreeMap<>();
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString()
                .chars().allMatch(Character::isDigit))) {
            for (Path p : procs) {
                String stat;
                try {
                    stat = Files.readString(p.resolve("stat"));
                } catch (IOException gone) {
                    continue; // exited meanwhile
                }
                // fields after the command name in parentheses: state ppid ... utime(14) stime(15) cutime(16) cstime(17)
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long pid = Long.parseLong(p.getFileName().toString());
                long ppid = Long.parseLong(f[1]);
                if (pid == postmaster) {
                    ticks.merge("postmaster and ended processes", Long.parseLong(f[11]) + Long.parseLong(f[12])
                            + Long.parseLong(f[13]) + Long.parseLong(f[14]), Long::sum);
                } else if (ppid == postmaster) {
                    ticks.merge(kind(p), Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc", e);
        }
        java.util.Map<String, Double> seconds = new java.util.TreeMap<>();
        ticks.forEach((kind, n) -> seconds.put(kind, n / TICKS_PER_SECOND));
        return seconds;
    }

    /** "postgres: walwriter" → walwriter; a connection's title ("postgres: user db host(port) idle") → client backend. */
    private static String kind(Path proc) {
        try {
            String title = new String(Files.readAllBytes(proc.resolve("cmdline")), java.nio.charset.StandardCharsets.UTF_8)
                    .replace('\0', ' ').strip();
            if (!title.startsWith("postgres: ")) {
                return "other";
            }
            String rest = title.substring("postgres: ".length());
            for (String helper : new String[] {"checkpointer", "background writer", "walwriter", "autovacuum launcher",
                    "autovacuum worker", "logical replication launcher", "stats collector", "archiver"}) {
                if (rest.startsWith(helper)) {
                    return helper;
                }
            }
            return "client backend";
        } catch (IOException gone) {
            return "other";
        }
    }
}
