package ir.hamyar.bot.benchmark;

import ir.hamyar.bot.resilience.ChildApp;
import ir.hamyar.bot.resilience.ProcStatus;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A bot under load in a JVM of its own, as it runs deployed: Hamyar (from the test class path, with the benchmark's
 * extra sources) or the baseline echo bot. The load generator and the fake Bot API stay in the test's JVM, so that
 * neither their CPU nor their garbage collections count as the bot's.
 *
 * <p>Its JVM flags are those of {@code deploy/Dockerfile}'s ENTRYPOINT less the ones that need the image (the class
 * data sharing archive, and Spring AOT, whose bean set is fixed at build time and so cannot take the benchmark's
 * extra sources), with a fixed heap instead of {@code -XX:MaxRAMPercentage}, as deploy/README.md says for a machine
 * shared with PostgreSQL: {@code -Dhamyar.benchmark.appHeap} (default {@value #DEFAULT_HEAP}). More flags:
 * {@code -Dhamyar.benchmark.appJvmFlags="..."}.
 */
final class BotJvm implements AutoCloseable {

    static final String DEFAULT_HEAP = "1g";

    private final ChildApp process;
    private final GcLog gc;
    private final URI metrics;

    private BotJvm(ChildApp process, GcLog gc, URI metrics) {
        this.process = process;
        this.gc = gc;
        this.metrics = metrics;
    }

    /** The deployment's JVM flags as the benchmark runs them (see the class comment). */
    static List<String> jvmFlags() throws IOException {
        String dockerfile = Files.readString(DeployedApp.DOCKERFILE, StandardCharsets.UTF_8);
        List<String> flags = new ArrayList<>();
        for (String f : DeployedApp.entrypointFlags(dockerfile, Path.of("."))) {
            if (f.startsWith("-XX:MaxRAMPercentage=")) {
                flags.add("-Xmx" + System.getProperty("hamyar.benchmark.appHeap", DEFAULT_HEAP));
            } else if (!f.startsWith("-XX:SharedArchiveFile=") && !f.equals(DeployedApp.AOT)) {
                flags.add(f);
            }
        }
        String extra = System.getProperty("hamyar.benchmark.appJvmFlags", "").strip();
        if (!extra.isEmpty()) {
            flags.addAll(Arrays.asList(extra.split("\\s+")));
        }
        flags.add("-Dfile.encoding=UTF-8");
        return flags;
    }

    /** Hamyar with {@code sources} added to its own, the given properties, in {@code dir}; waits until it runs. */
    static BotJvm hamyar(Path dir, List<Class<?>> sources, Map<String, String> properties, List<String> extraFlags)
            throws IOException {
        int port = freePort();
        GcLog gc = new GcLog(dir.resolve("hamyar-gc.log"));
        Files.deleteIfExists(dir.resolve("hamyar-gc.log"));
        ChildApp.Builder builder = ChildApp.builder().jvmOptions(flags(gc, extraFlags)).log(dir.resolve("hamyar.log"))
                .property("server.port", port)
                .property("spring.main.sources", String.join(",", sources.stream().map(Class::getName).toList()));
        properties.forEach(builder::property);
        BotJvm jvm = new BotJvm(builder.start(), gc, URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"));
        jvm.started();
        return jvm;
    }

    /** The baseline echo bot on {@code apiUrl} with {@code threads} sending threads; waits until it polls. */
    static BotJvm baseline(Path dir, String apiUrl, String token, int threads) throws IOException {
        GcLog gc = new GcLog(dir.resolve("baseline-gc.log"));
        Files.deleteIfExists(dir.resolve("baseline-gc.log"));
        BotJvm jvm = new BotJvm(ChildApp.builder().jvmOptions(flags(gc, List.of())).log(dir.resolve("baseline.log"))
                .mainClass(BaselineEchoBot.class, BaselineEchoBot.READY)
                .property("api-url", apiUrl).property("token", token).property("threads", threads)
                .start(), gc, null);
        jvm.started();
        return jvm;
    }

    private static String[] flags(GcLog gc, List<String> extra) throws IOException {
        List<String> flags = new ArrayList<>(jvmFlags());
        flags.add(gc.flag());
        flags.addAll(extra);
        return flags.toArray(String[]::new);
    }

    private void started() {
        try {
            process.awaitStarted(Duration.ofMinutes(3));
        } catch (AssertionError e) {
            process.close();
            throw e;
        }
    }

    long pid() {
        return process.pid();
    }

    /** CPU time the bot's process has used so far, in nanoseconds. */
    long cpuNanos() {
        return process.cpuTime().toNanos();
    }

    /** The process's peak resident memory so far, in MB. */
    long peakRssMb() {
        return ProcStatus.of(process.pid()).kb("VmHWM") >> 10;
    }

    /** Its GC pauses between two instants (wall clock, ms). */
    String gcPauses(long fromMillis, long toMillis) throws IOException {
        return gc.summary(fromMillis, toMillis);
    }

    /** Its meters now; only Hamyar has them. */
    Prometheus meters() throws IOException, InterruptedException {
        if (metrics == null) {
            throw new IllegalStateException("the baseline has no meters");
        }
        return Prometheus.scrape(metrics);
    }

    boolean hasMeters() {
        return metrics != null;
    }

    /** The process's output so far. */
    String output() {
        return process.logText();
    }

    @Override
    public void close() {
        process.close();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
