package ir.hamyar.bot.benchmark;

import ir.hamyar.bot.e2e.TestApp;
import ir.hamyar.bot.fakeapi.FakeBotApi;
import ir.hamyar.bot.fakeapi.Flavor;
import ir.hamyar.bot.resilience.ChildApp;
import ir.hamyar.testing.TestPostgres;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Startup time and idle memory (issue 11: targets 6 s and 300 MB) on an empty, migrated PostgreSQL database, for
 * the JVM flags of the old deployment and of the current one (deploy/Dockerfile, deploy/hamyar.service). Each
 * set is started {@value #RUNS} times, alternating, so that a machine shared with other work slows all sets alike;
 * the median is printed and written to {@code target/benchmark/startup.txt}. Run on demand:
 * <pre>
 * ./mvnw -B verify -pl bot -am -Dgroups=benchmark -Dhamyar.excludedGroups= -Dtest='StartupBenchmark' \
 *     -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * The application runs from the test class path here, not from the extracted jar with its class data sharing
 * archive (a JDK 17 archive cannot hold classes from directories): that part of the deployment is measured by
 * hand, as deploy/README.md describes.
 */
@Tag("benchmark")
class StartupBenchmark {

    private static final int RUNS = Integer.getInteger("hamyar.benchmark.startupRuns", 3);
    private static final Duration IDLE = Duration.ofSeconds(20);

    /** The flags of the deployment before issue 11's work, and the production flags chosen then. */
    private static final List<List<String>> FLAG_SETS = List.of(
            List.of("-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError"),
            List.of("-XX:+UseSerialGC", "-Xms64m", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError"),
            // a candidate: the heap capped and given back sooner after a collection
            List.of("-XX:+UseSerialGC", "-Xms64m", "-Xmx256m", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30",
                    "-XX:+ExitOnOutOfMemoryError"));

    private final List<String> report = new ArrayList<>();

    @Test
    void printsStartupTimeAndIdleMemoryPerFlagSet() throws Exception {
        TestPostgres.Database db = TestPostgres.newDatabase("startup");
        try (FakeBotApi api = FakeBotApi.start(0)) {
            api.bot(TestApp.TELEGRAM_TOKEN, Flavor.TELEGRAM, "hamyar_test_bot");
            // migrated once, so every measured start finds the schema as a restart in production does
            try (TestApp app = TestApp.on(db, api).start()) {
                line("schema migrated on %s", db.url());
            }
            List<List<Sample>> samples = new ArrayList<>();
            FLAG_SETS.forEach(flags -> samples.add(new ArrayList<>()));
            for (int run = 0; run < RUNS; run++) {
                for (int set = 0; set < FLAG_SETS.size(); set++) {
                    Sample s = measure(db, api, FLAG_SETS.get(set));
                    line("run %d, JVM flags %s: startup %.1f s, idle RSS after %d s %d MB", run + 1,
                            String.join(" ", FLAG_SETS.get(set)), s.startupMillis / 1e3, IDLE.toSeconds(), s.rssMb);
                    samples.get(set).add(s);
                }
            }
            for (int set = 0; set < FLAG_SETS.size(); set++) {
                List<Sample> runs = samples.get(set);
                line("median of %d, JVM flags %s: startup %.1f s, idle RSS %d MB", runs.size(),
                        String.join(" ", FLAG_SETS.get(set)),
                        median(runs.stream().mapToLong(Sample::startupMillis).toArray()) / 1e3,
                        median(runs.stream().mapToLong(Sample::rssMb).toArray()));
                assertThat(runs).allSatisfy(s -> assertThat(s.rssMb).isPositive());
            }
        }
        Path out = Path.of("target", "benchmark", "startup.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
    }

    private static Sample measure(TestPostgres.Database db, FakeBotApi api, List<String> jvmFlags)
            throws InterruptedException {
        return measure(db, api, jvmFlags, Path.of("target", "benchmark", "startup-child.log"));
    }

    /** Starts the application in a JVM of its own with {@code jvmFlags}; its startup time and RSS after IDLE. */
    static Sample measure(TestPostgres.Database db, FakeBotApi api, List<String> jvmFlags, Path log)
            throws InterruptedException {
        List<String> flags = new ArrayList<>(jvmFlags);
        flags.add("-Dfile.encoding=UTF-8");
        try (ChildApp app = ChildApp.builder()
                .jvmOptions(flags.toArray(String[]::new))
                .log(log)
                .property("spring.datasource.url", db.url())
                .property("spring.datasource.username", db.username())
                .property("spring.datasource.password", db.password())
                .property("hamyar.telegram.token", TestApp.TELEGRAM_TOKEN)
                .property("hamyar.telegram.api-url", api.baseUrl())
                .start()) {
            // generous: the figure is printed, and a machine shared with other builds starts slowly
            Duration startup = app.awaitStarted(Duration.ofSeconds(300));
            Thread.sleep(IDLE.toMillis());
            return new Sample(startup.toMillis(), app.residentKb() >> 10);
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

    record Sample(long startupMillis, long rssMb) {
    }
}
