package ir.hamyar.bot.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The garbage-collection pauses of another JVM, read from its unified GC log ({@link #flag}: one line per pause,
 * stamped with the wall clock): how many in a time window, how long in all, the longest, how many collected the
 * whole heap, and the heap after the last one. The collectors' totals do not say whether a latency tail was one long
 * pause, many short ones, or none.
 */
final class GcLog {

    /** E.g. "[1765101234567ms] GC(12) Pause Young (Allocation Failure) 279M->31M(989M) 41.803ms". */
    private static final Pattern PAUSE = Pattern.compile(
            "^\\[(\\d+)ms] GC\\(\\d+\\) Pause (\\S+).*? (?:\\d+[KMG]->(\\d+)([KMG])\\((\\d+)([KMG])\\) )?(\\d+(?:\\.\\d+)?)ms$");

    private final Path file;

    GcLog(Path file) {
        this.file = file;
    }

    /** The JVM flag that writes this log: GC pauses, wall-clock milliseconds, one file, no rotation. */
    String flag() {
        return "-Xlog:gc:file=" + file.toAbsolutePath() + ":timemillis:filecount=0";
    }

    /** E.g. "longest GC pause 82 ms (41 pauses, 1,650 ms in all, 0 of the whole heap; heap after the last 180 of 989 MB)". */
    String summary(long fromMillis, long toMillis) throws IOException {
        List<String> lines = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        double longest = 0;
        double total = 0;
        int count = 0;
        int full = 0;
        String heap = "–";
        for (String line : lines) {
            Matcher m = PAUSE.matcher(line.strip());
            if (!m.matches()) {
                continue;
            }
            long at = Long.parseLong(m.group(1));
            if (at < fromMillis || at > toMillis) {
                continue;
            }
            double ms = Double.parseDouble(m.group(7));
            longest = Math.max(longest, ms);
            total += ms;
            count++;
            if (m.group(2).equals("Full")) {
                full++;
            }
            if (m.group(3) != null) {
                heap = megabytes(m.group(3), m.group(4)) + " of " + megabytes(m.group(5), m.group(6)) + " MB";
            }
        }
        return String.format("longest GC pause %.0f ms (%d pauses, %,.0f ms in all, %d of the whole heap; heap after the "
                + "last %s)", longest, count, total, full, heap);
    }

    private static long megabytes(String n, String unit) {
        long v = Long.parseLong(n);
        return switch (unit) {
            case "K" -> v >> 10;
            case "G" -> v << 10;
            default -> v;
        };
    }
}
