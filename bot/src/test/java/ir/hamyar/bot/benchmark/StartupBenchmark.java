package ir.hamyar.bot.benchmark;

import ir.hamyar.bot.e2e.TestApp;
import ir.hamyar.bot.fakeapi.FakeBotApi;
import ir.hamyar.bot.fakeapi.Flavor;
import ir.hamyar.bot.resilience.ChildApp;
import ir.hamyar.testing.TestPostgres;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Startup time and idle memory (issue 11: targets 6 s and 300 MB) on an empty, migrated PostgreSQL database, for
 * the JVM flags of the old deployment and of the systemd unit, from the test class path; and the application as
 * deployed: the built jar extracted, its class data sharing archive made by the Dockerfile's training run, started
 * with the Dockerfile's flags (Spring AOT among them) and environment ({@link DeployedApp}), next to the image's
 * previous way (the same without Spring AOT).
 * Each set is started {@value #RUNS} times, alternating, so that a machine shared with other work slows all sets
 * alike; the median is printed and written to {@code target/benchmark/startup.txt}, with the CPU time the start
 * took (less sensitive to other work on the machine than the wall time) and the load average at each start.
 * It needs the built jar ({@code bot/target/hamyar-bot.jar}) and fails without it. Run on demand:
 * <pre>
 * ./mvnw -B -q -DskipTests package
 * ./mvnw -B verify -pl bot -am -Dgroups=benchmark -Dtest='StartupBenchmark' -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@Tag("benchmark")
class StartupBenchmark {

    private static final int RUNS = Integer.getInteger("hamyar.benchmark.startupRuns", 3);
    private static final Duration IDLE = Duration.ofSeconds(20);

    /** How the application is started: JVM flags, from the class path or a jar, extra environment. */
    record Setup(String label, List<String> jvmFlags, Path jar, Map<String, String> environment) {

        static Setup classPath(String label, String... jvmFlags) {
            return new Setup(label, List.of(jvmFlags), null, Map.of());
        }

        String describe() {
            String env = environment.isEmpty() ? "" : environment.entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" ", "", " "));
            return label + ": " + env + String.join(" ", jvmFlags) + (jar == null ? " (class path)" : " -jar " + jar);
        }
    }

    private final List<String> report = new ArrayList<>();

    @Test
    void printsStartupTimeAndIdleMemoryPerFlagSet(@TempDir Path work) throws Exception {
        DeployedApp deployed = DeployedApp.prepare(work);
        List<Setup> setups = List.of(
                Setup.classPath("old deployment", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError"),
                Setup.classPath("deploy/hamyar.service flags, class path", "-XX:+UseSerialGC", "-Xms64m",
                        "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError"),
                new Setup("the image's previous way (extracted jar, CDS archive, no AOT)", deployed.previousJvmFlags(),
                        deployed.jar(), deployed.environment()),
                new Setup("deploy/Dockerfile as built (extracted jar, CDS archive, Spring AOT)", deployed.jvmFlags(),
                        deployed.jar(), deployed.environment()));
        TestPostgres.Database db = TestPostgres.newDatabase("startup");
        try (FakeBotApi api = FakeBotApi.start(0)) {
            api.bot(TestApp.TELEGRAM_TOKEN, Flavor.TELEGRAM, "hamyar_test_bot");
            // migrated once, so every measured start finds the schema as a restart in production does
            try (TestApp app = TestApp.on(db, api).start()) {
                line("schema migrated on %s", db.url());
            }
            line("jar measured: %s, built %s", DeployedApp.JAR.toAbsolutePath(),
                    Files.getLastModifiedTime(DeployedApp.JAR));
            List<List<Sample>> samples = new ArrayList<>();
            setups.forEach(setup -> samples.add(new ArrayList<>()));
            for (int run = 0; run < RUNS; run++) {
                for (int set = 0; set < setups.size(); set++) {
                    Setup setup = setups.get(set);
                    Sample s = measure(db, api, setup, work.resolve("startup-child.log"));
                    line("run %d, %s: startup %.1f s (CPU %.1f s, load average %s), idle RSS after %d s %d MB",
                            run + 1, setup.describe(), s.startupMillis / 1e3, s.cpuMillis / 1e3, s.loadAverage,
                            IDLE.toSeconds(), s.rssMb);
                    samples.get(set).add(s);
                }
            }
            for (int set = 0; set < setups.size(); set++) {
                List<Sample> runs = samples.get(set);
                line("median of %d, %s: startup %.1f s (CPU %.1f s), idle RSS %d MB", runs.size(),
                        setups.get(set).describe(),
                        median(runs.stream().mapToLong(Sample::startupMillis).toArray()) / 1e3,
                        median(runs.stream().mapToLong(Sample::cpuMillis).toArray()) / 1e3,
                        median(runs.stream().mapToLong(Sample::rssMb).toArray()));
                assertThat(runs).allSatisfy(s -> assertThat(s.rssMb).isPositive());
            }
        }
        Path out = Path.of("target", "benchmark", "startup.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
    }

    static Sample measure(TestPostgres.Database db, FakeBotApi api, List<String> jvmFlags, Path log)
            throws InterruptedException {
        return measure(db, api, new Setup("", jvmFlags, null, Map.of()), log);
    }

    /** Starts the application in a JVM of its own as {@code setup} says; its startup time and RSS after IDLE. */
    static Sample measure(TestPostgres.Database db, FakeBotApi api, Setup setup, Path log)
            throws InterruptedException {
        List<String> flags = new ArrayList<>(setup.jvmFlags());
        flags.add("-Dfile.encoding=UTF-8");
        ChildApp.Builder builder = ChildApp.builder()
                .jvmOptions(flags.toArray(String[]::new))
                .log(log)
                .property("spring.datasource.url", db.url())
                .property("spring.datasource.username", db.username())
                .property("spring.datasource.password", db.password())
                .property("hamyar.telegram.token", TestApp.TELEGRAM_TOKEN)
                .property("hamyar.telegram.api-url", api.baseUrl());
        if (setup.jar() != null) {
            builder.jar(setup.jar());
        }
        setup.environment().forEach(builder::environment);
        String load = loadAverage();
        try (ChildApp app = builder.start()) {
            // generous: the figure is printed, and a machine shared with other builds starts slowly
            Duration startup = app.awaitStarted(Duration.ofSeconds(300));
            long cpuMillis = app.cpuTime().toMillis();
            Thread.sleep(IDLE.toMillis());
            return new Sample(startup.toMillis(), cpuMillis, app.residentKb() >> 10, load);
        }
    }

    /** The one-minute load average of the machine (Linux), to judge how much other work slowed a start. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "unknown";
        }
    }

    static long median(long[] values) {
        long[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private void line(String format, Object... args) {
        String s = String.format(format, args);
        report.add(s);
        System.out.println(s);
    }

    record Sample(long startupMillis, long cpuMillis, long rssMb, String loadAverage) {
    }
}
