package ir.hamyar.bot.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Flight Recorder profile of one phase of the application, taken in its own JVM with {@code jcmd}: CPU samples every
 * 10 ms, the JIT's compilations over 5 ms and its deoptimizations.
 *
 * <p>Flight Recorder starting in a running JVM slowed the phase it profiled to a quarter of its throughput (its start
 * throws compiled code away), so the application's JVM starts it at launch with no events ({@link #jvmFlags}); the
 * phase's recording then only switches events on. JFR's "default" and "profile" settings were no better: they include
 * events (file and socket I/O, ...) whose classes JFR instruments when the recording starts, with the same effect.
 */
final class JfrProfiler {

    private static final String RECORDING = "phase";
    private final Path idleSettings;
    private final Path phaseSettings;
    private final Path out;

    JfrProfiler(Path dir, Path out) throws IOException {
        this.idleSettings = dir.resolve("jfr-idle.jfc").toAbsolutePath();
        this.phaseSettings = dir.resolve("jfr-phase.jfc").toAbsolutePath();
        this.out = out.toAbsolutePath();
        Files.writeString(idleSettings, """
                <?xml version="1.0" encoding="UTF-8"?>
                <configuration version="2.0" label="nothing"/>
                """, StandardCharsets.UTF_8);
        Files.writeString(phaseSettings, """
                <?xml version="1.0" encoding="UTF-8"?>
                <configuration version="2.0" label="phase">
                  <event name="jdk.ExecutionSample"><setting name="enabled">true</setting><setting name="period">10 ms</setting></event>
                  <event name="jdk.Compilation"><setting name="enabled">true</setting><setting name="threshold">5 ms</setting></event>
                  <event name="jdk.Deoptimization"><setting name="enabled">true</setting><setting name="stackTrace">true</setting></event>
                </configuration>
                """, StandardCharsets.UTF_8);
    }

    /** The application JVM's flag: Flight Recorder running from the start, recording nothing. */
    List<String> jvmFlags() {
        return List.of("-XX:StartFlightRecording=name=idle,settings=" + idleSettings);
    }

    void start(BotJvm bot) throws IOException, InterruptedException {
        jcmd(bot, "JFR.start", "name=" + RECORDING, "settings=" + phaseSettings);
    }

    /** Stops the phase's recording and writes it; returns the file. */
    Path stop(BotJvm bot) throws IOException, InterruptedException {
        jcmd(bot, "JFR.stop", "name=" + RECORDING, "filename=" + out);
        return out;
    }

    private static void jcmd(BotJvm bot, String... command) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(bot.pid())));
        args.addAll(List.of(command));
        Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0 || output.contains("Could not")) {
            throw new IOException(String.join(" ", args) + " failed: " + output);
        }
    }
}
