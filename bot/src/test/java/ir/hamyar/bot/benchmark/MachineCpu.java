package ir.hamyar.bot.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The whole machine's CPU from {@code /proc/stat}: busy and total time of all cores so far, whatever ran (the bot,
 * PostgreSQL, the harness, the kernel, anything else). A phase's share shows how close to saturation the machine was,
 * which is what a latency tail on two cores grows with.
 */
record MachineCpu(long busy, long total) {

    static MachineCpu now() throws IOException {
        return parse(Files.readAllLines(Path.of("/proc/stat")).get(0));
    }

    /** The "cpu" line: user nice system idle iowait irq softirq steal [guest guest_nice], in ticks. */
    static MachineCpu parse(String line) {
        String[] f = line.strip().split("\\s+");
        if (!f[0].equals("cpu") || f.length < 9) {
            throw new IllegalArgumentException("not the /proc/stat cpu line: " + line);
        }
        long total = 0;
        for (int i = 1; i <= 8; i++) { // guest time is already counted in user and nice
            total += Long.parseLong(f[i]);
        }
        long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
        return new MachineCpu(total - idle, total);
    }

    /** The share of the machine's CPU time that was busy since {@code before}, 0..1. */
    double busySince(MachineCpu before) {
        long t = total - before.total;
        return t <= 0 ? 0 : (double) (busy - before.busy) / t;
    }
}
