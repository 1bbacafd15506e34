package ir.hamyar.bot.resilience;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Memory figures of a Linux process from {@code /proc/<pid>/status} (VmRSS, VmHWM …), in kB. */
public final class ProcStatus {

    private final String text;

    private ProcStatus(String text) {
        this.text = text;
    }

    public static ProcStatus of(long pid) {
        return read(Path.of("/proc", Long.toString(pid), "status"));
    }

    public static ProcStatus self() {
        return read(Path.of("/proc/self/status"));
    }

    private static ProcStatus read(Path file) {
        try {
            return new ProcStatus(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " (Linux only)", e);
        }
    }

    public long kb(String field) {
        for (String line : text.split("\n")) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").strip());
            }
        }
        throw new IllegalArgumentException("no " + field + " in /proc status");
    }
}
