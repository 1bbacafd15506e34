package ir.hamyar.bot.benchmark;

import ir.hamyar.bot.e2e.TestApp;
import ir.hamyar.bot.e2e.TestFlows;
import ir.hamyar.bot.fakeapi.FakeBot;
import ir.hamyar.bot.fakeapi.FakeBotApi;
import ir.hamyar.bot.fakeapi.FakeUser;
import ir.hamyar.bot.fakeapi.Flavor;
import ir.hamyar.bot.resilience.ProcStatus;
import ir.hamyar.testing.TestPostgres;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The load benchmark (issue 11): the full path fake Bot API → real TelegramBots client → inbox → flow → PostgreSQL
 * → outbox → gateway → fake, with simulated users doing a mix of echo-flow messages, menu taps ({@code /help},
 * {@code /profile}) and whole registrations; then the same load against a baseline echo bot on the same client and
 * fake server with no database. Each bot runs in a JVM of its own with the deployment's flags ({@link BotJvm}); the
 * fake Bot API and the load generator run in the test's. Prints figures (never asserts timings). Run on demand:
 * <pre>
 * ./mvnw -B verify -pl bot -am -Dgroups=benchmark -Dhamyar.excludedGroups= -Dtest='LoadBenchmark' \
 *     -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * Options (system properties): {@code hamyar.benchmark.seconds} (length of each measured phase, default 20),
 * {@code hamyar.benchmark.durable} (PostgreSQL with fsync and synchronous commit, as in production; default true),
 * {@code hamyar.benchmark.jfr} (a file: a JFR profile of the application in the saturation phase is written there),
 * {@code hamyar.benchmark.curve} (more rates measured after the latency phase, e.g. {@code 600,800}),
 * {@code hamyar.benchmark.appHeap} and {@code hamyar.benchmark.appJvmFlags} (the bots' JVMs: see {@link BotJvm}),
 * {@code hamyar.benchmark.statements} (true: PostgreSQL loads pg_stat_statements and the statements that took most of
 * the server's time in the saturation phase are printed).
 */
@Tag("benchmark")
class LoadBenchmark {

    private static final int ECHO_USERS = 1_000;
    private static final int MENU_USERS = 1_000;
    private static final int REGISTRANT_THREADS = 8;
    /**
     * Registration steps per second in all (-Dhamyar.benchmark.registrationRate). Until session 11 the registrants
     * registered as fast as the bot answered: a closed loop that took whatever CPU the open-loop mix left, so that the
     * machine was 95–99 % busy in every phase, at 500 updates/s as at 1,000, and "at 1,000 updates/s" meant 1,000 plus
     * as many registration steps as fitted (1,080–1,220 applied a second).
     */
    private static final double REGISTRATION_RATE = Integer.getInteger("hamyar.benchmark.registrationRate", 100);
    private static final int BACKLOG_CAP = 3_000;
    private static final double SATURATING_RATE = 6_000;
    /** The latency target is at 1,000 updates/s; -Dhamyar.benchmark.latencyRate=500 shows another rate. */
    private static final double LATENCY_RATE = Integer.getInteger("hamyar.benchmark.latencyRate", 1_000);
    /** Hamyar's default sender threads (hamyar.outbound.sender-threads); the baseline sends with as many. */
    private static final int SENDER_THREADS = 16;
    /** A registration reads back its chat's last few messages; nothing reads the calls. */
    private static final int FAKE_KEEPS_PER_CHAT = 32;
    private static final int FAKE_KEEPS_RECORDS = 10_000;

    private final int seconds = Integer.getInteger("hamyar.benchmark.seconds", 20);
    private final List<String> report = new ArrayList<>();

    @Test
    void measuresThroughputLatencyAndCostAgainstABaseline() throws Exception {
        line("machine: %d cores (%s), load average at start %s", Runtime.getRuntime().availableProcessors(), cpuModel(),
                Files.readString(Path.of("/proc/loadavg")).strip());
        line("bots' JVMs (each its own): %s", String.join(" ", BotJvm.jvmFlags()));
        line("harness JVM (fake Bot API, load generator): max heap %d MB, garbage collectors %s",
                Runtime.getRuntime().maxMemory() >> 20, ManagementFactory.getGarbageCollectorMXBeans().stream()
                        .map(GarbageCollectorMXBean::getName).toList());
        Path work = Path.of("target", "benchmark");
        Files.createDirectories(work);
        String jfrFile = System.getProperty("hamyar.benchmark.jfr");
        profiler = jfrFile == null || jfrFile.isBlank() ? null : new JfrProfiler(work, Path.of(jfrFile));
        boolean durable = Boolean.parseBoolean(System.getProperty("hamyar.benchmark.durable", "true"));
        String[] pgOptions = durable
                ? new String[] {"-c", "fsync=on", "-c", "synchronous_commit=on", "-c", "full_page_writes=on"}
                : new String[0];
        boolean statements = Boolean.getBoolean("hamyar.benchmark.statements");
        if (statements) {
            pgOptions = java.util.stream.Stream.concat(java.util.Arrays.stream(pgOptions), java.util.stream.Stream.of(
                    "-c", "shared_preload_libraries=pg_stat_statements", "-c", "pg_stat_statements.track_planning=on"))
                    .toArray(String[]::new);
        }
        line("PostgreSQL: a dedicated local cluster, %s", durable ? "fsync and synchronous_commit on (production defaults)"
                : "fsync and synchronous_commit off (test settings)");
        Phase hamyar;
        Phase hamyarAt1000;
        List<Phase> curve = new ArrayList<>();
        Phase baseline;
        Phase baselineAt1000;
        try (TestPostgres.DedicatedCluster cluster = TestPostgres.startDedicatedLocal(pgOptions);
             FakeBotApi api = FakeBotApi.start(0)) {
            TestPostgres.Database db = cluster.newDatabase("load");
            // what the fake remembers is bounded: by default it keeps every message and call, and a long warm-up at
            // a few thousand updates/s filled the default 1 GB heap
            FakeBot telegram = api.bot(TestApp.TELEGRAM_TOKEN, Flavor.TELEGRAM, "hamyar_test_bot")
                    .keepRecent(FAKE_KEEPS_PER_CHAT, FAKE_KEEPS_RECORDS);
            JdbcTemplate direct = new JdbcTemplate(new SimpleDriverDataSource(new org.postgresql.Driver(), db.url(),
                    db.username(), db.password()));
            // the wait-event sampler's queries, 50 a second, on one connection of their own: through "direct" each
            // opened a connection, and the server's CPU for opening them counted as the bot's
            org.springframework.jdbc.datasource.SingleConnectionDataSource samplerConnection =
                    new org.springframework.jdbc.datasource.SingleConnectionDataSource(db.url(), db.username(),
                            db.password(), true);
            JdbcTemplate sampler = new JdbcTemplate(samplerConnection);
            java.util.Map<String, String> properties = new java.util.LinkedHashMap<>();
            properties.put("spring.datasource.url", db.url());
            properties.put("spring.datasource.username", db.username());
            properties.put("spring.datasource.password", db.password());
            properties.put("hamyar.telegram.token", TestApp.TELEGRAM_TOKEN);
            properties.put("hamyar.telegram.api-url", api.baseUrl());
            properties.put("hamyar.outbound.sender-threads", Integer.toString(SENDER_THREADS));
            properties.put("hamyar.outbound.bot-per-second", "100000");
            properties.put("hamyar.outbound.bot-burst", "100000");
            properties.put("hamyar.outbound.chat-per-second", "1000");
            properties.put("hamyar.outbound.chat-burst", "1000");
            properties.put("hamyar.poll-timeout", "10s");
            properties.put("logging.level.ir.hamyar", "warn");
            // Spring Boot's started line, which the benchmark waits for, is logged by the main class's logger
            properties.put("logging.level.ir.hamyar.bot.HamyarApplication", "info");
            // -Dhamyar.benchmark.app.<property>=<value> sets an application property, e.g. to compare worker counts
            System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("hamyar.benchmark.app."))
                    .sorted().forEach(k -> {
                        String property = k.substring("hamyar.benchmark.app.".length());
                        properties.put(property, System.getProperty(k));
                        line("application property %s=%s", property, System.getProperty(k));
                    });
            try (BotJvm app = BotJvm.hamyar(work, List.of(TestFlows.class, RoundTrips.class), properties,
                    profiler == null ? List.of() : profiler.jvmFlags())) {
                bot = app;
                Mix mix = new Mix(telegram, true);
                mix.prepare();
                Registrants registrants = new Registrants(telegram);
                line("registrations in the background: %.0f steps a second (%.1f registrations), started by %d threads",
                        REGISTRATION_RATE, REGISTRATION_RATE / Registrant.UPDATES_PER_REGISTRATION, REGISTRANT_THREADS);
                registrants.start();
                // warm-up (JIT, caches, pool) at the rates measured, so that the JIT has compiled the paths they take
                // -Dhamyar.benchmark.warmup=<seconds> (300 by default): a third at 500/s, the rest saturating. After 30 s
                // the JIT compilers were still busy for more than the whole of each 20 s phase: not a running bot.
                int warmup = Integer.getInteger("hamyar.benchmark.warmup", 300);
                run(mix, 500, Duration.ofSeconds(warmup / 3), BACKLOG_CAP);
                run(mix, SATURATING_RATE, Duration.ofSeconds(warmup - warmup / 3), BACKLOG_CAP);
                mix.drain(Duration.ofSeconds(180));
                // A database that has been running has statistics on its queue tables (autovacuum analyzes them by
                // V16's thresholds); this one was created a minute ago, and autovacuum visits a database once a
                // minute: without this the planner may still see the empty tables of the start and scan them.
                direct.execute("VACUUM ANALYZE conversation, inbox_update, outbound_message");

                if (statements) {
                    direct.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
                    direct.execute("SELECT pg_stat_statements_reset()");
                }
                long doneBefore = done(direct);
                List<String> plans = new CopyOnWriteArrayList<>();
                Thread explainer = new Thread(() -> {
                    try {
                        Thread.sleep(seconds * 500L);
                        if (statements) {
                            explainHotQueries(direct, plans);
                        }
                    } catch (Exception e) {
                        plans.add("  plans not taken: " + e);
                    }
                }, "explainer");
                explainer.start();
                WaitEvents waits = statements ? WaitEvents.start(sampler) : null;
                // -Dhamyar.benchmark.jfrPhase=latency profiles the phase at the latency rate instead
                boolean profileLatency = "latency".equals(System.getProperty("hamyar.benchmark.jfrPhase"));
                hamyar = measure("hamyar, saturated", mix, direct, SATURATING_RATE, BACKLOG_CAP, !profileLatency);
                if (statements) {
                    waits.stop().forEach(l -> line("%s", l));
                    printStatements(direct, done(direct) - doneBefore, "saturated phase");
                    explainer.join();
                    plans.forEach(l -> line("%s", l));
                }
                mix.drain(Duration.ofSeconds(180));
                // Settled at the latency rate first: straight after the saturated phase's backlog the first seconds
                // measured how the bot and PostgreSQL (autovacuum of the tens of thousands of rows just written)
                // recover from an overload, not a bot running at that rate. -Dhamyar.benchmark.settle=<seconds>.
                run(mix, LATENCY_RATE, Duration.ofSeconds(Integer.getInteger("hamyar.benchmark.settle", 30)), BACKLOG_CAP);
                long doneBeforeLatency = done(direct);
                WaitEvents latencyWaits = null;
                if (statements) {
                    direct.execute("SELECT pg_stat_statements_reset()");
                    latencyWaits = WaitEvents.start(sampler);
                }
                hamyarAt1000 = measure(String.format("hamyar at %,.0f updates/s", LATENCY_RATE), mix, direct, LATENCY_RATE,
                        BACKLOG_CAP, profileLatency);
                if (statements) {
                    latencyWaits.stop().forEach(l -> line("%s", l));
                    printStatements(direct, done(direct) - doneBeforeLatency, "latency phase");
                }
                // -Dhamyar.benchmark.curve=600,800: more phases at those rates (each after 10 s at its rate), to see
                // how the tail grows with the load, all in one run (runs on different days differ more than that)
                for (String r : System.getProperty("hamyar.benchmark.curve", "").split(",")) {
                    if (!r.isBlank()) {
                        double rate = Double.parseDouble(r.strip());
                        run(mix, rate, Duration.ofSeconds(10), BACKLOG_CAP);
                        curve.add(measure(String.format("hamyar at %,.0f updates/s", rate), mix, direct, rate,
                                BACKLOG_CAP, false));
                    }
                }
                mix.drain(Duration.ofSeconds(180));
                registrants.stop();
                line("registrations completed during the run: %d (failed: %d)", registrants.done.get(),
                        registrants.failed.get());
                line("peak RSS: the application's JVM %d MB, the harness's (fake Bot API, load generator) %d MB",
                        app.peakRssMb(), ProcStatus.self().kb("VmHWM") >> 10);
            }

            FakeBot echoBot = api.bot("333:baseline", Flavor.TELEGRAM, "baseline_bot")
                    .keepRecent(FAKE_KEEPS_PER_CHAT, FAKE_KEEPS_RECORDS);
            BotJvm echo = BotJvm.baseline(work, api.baseUrl(), "333:baseline", SENDER_THREADS);
            try (echo) {
                bot = echo;
                Mix mix = new Mix(echoBot, false);
                run(mix, 500, Duration.ofSeconds(20), BACKLOG_CAP);
                mix.drain(Duration.ofSeconds(60));
                baseline = measure("baseline echo bot, saturated", mix, null, SATURATING_RATE, BACKLOG_CAP, false);
                mix.drain(Duration.ofSeconds(60));
                baselineAt1000 = measure(String.format("baseline at %,.0f updates/s", LATENCY_RATE), mix, null, LATENCY_RATE, BACKLOG_CAP, false);
                mix.drain(Duration.ofSeconds(60));
            }
            // printed by the baseline when it is stopped
            line("%s", echo.output().lines().filter(l -> l.startsWith(BaselineEchoBot.FAILURES)).findFirst()
                    .orElse("baseline send failures: not printed (see target/benchmark/baseline.log)"));
        }
        line("");
        line("| run | updates/s | p50 ms | p95 ms | p99 ms | max ms | CPU of the bot's JVM (cores) | CPU of PostgreSQL (cores) "
                + "| DB round trips/update |");
        line("|---|---|---|---|---|---|---|---|---|");
        List<Phase> phases = new ArrayList<>(List.of(hamyar, hamyarAt1000));
        phases.addAll(curve);
        phases.addAll(List.of(baseline, baselineAt1000));
        for (Phase p : phases) {
            line("| %s | %.0f | %.1f | %.1f | %.1f | %.1f | %.2f | %s | %s |", p.name, p.throughput, p.latency[0],
                    p.latency[1], p.latency[2], p.latency[3], p.cores,
                    Double.isNaN(p.pgCores) ? "–" : String.format("%.2f", p.pgCores),
                    Double.isNaN(p.roundTrips) ? "–" : String.format("%.1f", p.roundTrips));
        }
        line("hamyar throughput as a fraction of the baseline's: %.2f", hamyar.throughput / baseline.throughput);
        Path out = Path.of("target", "benchmark", "load.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
        assertThat(hamyar.throughput).isPositive();
        assertThat(baseline.throughput).isPositive();
    }

    /** The bot under load now: Hamyar, then the baseline. */
    private BotJvm bot;
    /** Profiles the application when -Dhamyar.benchmark.jfr is given, else null. */
    private JfrProfiler profiler;

    /** One measured phase: open-loop injection at {@code rate}, keeping at most {@code cap} updates unanswered. */
    private Phase measure(String name, Mix mix, JdbcTemplate direct, double rate, int cap, boolean profile)
            throws Exception {
        boolean profiling = profile && profiler != null && bot.hasMeters();
        if (profiling) {
            profiler.start(bot);
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long harness0 = os.getProcessCpuTime();
        MachineCpu machine0 = MachineCpu.now();
        long cpu0 = bot.cpuNanos();
        PostgresCpu postgres = direct == null ? null : PostgresCpu.of(direct);
        // counted before the server's CPU is read: the count reads the whole inbox (a few hundred ms of the server's
        // CPU after a long run), which is the benchmark's work, not the bot's
        long done0 = direct == null ? 0 : done(direct);
        java.util.Map<String, Double> pgKinds0 = postgres == null ? java.util.Map.of() : postgres.byKind();
        double pg0 = pgKinds0.values().stream().mapToDouble(Double::doubleValue).sum();
        Prometheus meters0 = bot.hasMeters() ? bot.meters() : null;
        long replies0 = mix.latencies.replies();
        GcPauses.reset();
        java.util.Map<String, Long> calls0 = mix.bot.callCounts();
        long[] checkpoints0 = direct == null ? null : checkpoints(direct);
        long wall0 = System.currentTimeMillis();
        long t0 = System.nanoTime();
        java.sql.Timestamp from = java.sql.Timestamp.from(java.time.Instant.now());
        mix.latencies.startRecording();
        long skipped = run(mix, rate, Duration.ofSeconds(seconds), cap);
        mix.latencies.stopRecording();
        double wall = (System.nanoTime() - t0) / 1e9;
        long wall1 = System.currentTimeMillis();
        long replies = mix.latencies.replies() - replies0;
        double cores = (bot.cpuNanos() - cpu0) / 1e9 / wall;
        double harnessCores = (os.getProcessCpuTime() - harness0) / 1e9 / wall;
        double machineBusy = MachineCpu.now().busySince(machine0);
        Prometheus meters = meters0 == null ? null : bot.meters();
        long trips = meters == null ? 0 : (long) (meters.sum(ROUND_TRIPS) - meters0.sum(ROUND_TRIPS));
        java.util.Map<String, Double> pgKinds = postgres == null ? java.util.Map.of() : postgres.byKind();
        double pgCores = postgres == null ? Double.NaN
                : (pgKinds.values().stream().mapToDouble(Double::doubleValue).sum() - pg0) / wall;
        long done = direct == null ? 0 : done(direct) - done0; // after the CPU figures: see done0
        if (profiling) {
            line("JFR profile of the application in '%s' written to %s", name, profiler.stop(bot));
        }
        Phase p = new Phase(name, replies / wall, mix.latencies.percentilesMillis(), cores, pgCores,
                direct == null ? Double.NaN : (double) trips / Math.max(1, done));
        line("%s: %d tracked replies and %s updates applied in %.1f s → %.0f updates/s (tracked replies), "
                        + "latency p50/p95/p99/max %.1f/%.1f/%.1f/%.1f ms over %d replies, CPU of the bot %.2f cores%s%s",
                name, replies, direct == null ? "–" : Long.toString(done), wall, p.throughput, p.latency[0], p.latency[1],
                p.latency[2], p.latency[3], mix.latencies.recorded(), cores,
                postgres == null ? "" : String.format(" (PostgreSQL %.2f cores)", pgCores),
                direct == null ? "" : String.format(", %d DB round trips (%.1f per applied update, %.0f updates/s applied)",
                        trips, p.roundTrips, done / wall));
        if (done > 0) {
            // what the bot asked of the (fake) Bot API during the phase, per update applied
            java.util.Map<String, Long> perMethod = new java.util.TreeMap<>();
            mix.bot.callCounts().forEach((method, n) -> {
                long during = n - calls0.getOrDefault(method, 0L);
                if (during > 0) {
                    perMethod.put(method, during);
                }
            });
            line("  Bot API calls per update applied: %s", perMethod.entrySet().stream().map(e -> String.format(
                    "%s %.2f", e.getKey(), (double) e.getValue() / done)).collect(java.util.stream.Collectors.joining(", ")));
        }
        if (direct != null && done > 0) {
            // CPU per update applied: less sensitive than throughput to whatever else the machine is doing
            line("  CPU per update applied: application %.2f ms, PostgreSQL %.2f ms (the harness %.2f ms)",
                    cores * wall * 1000 / done, pgCores * wall * 1000 / done, harnessCores * wall * 1000 / done);
        }
        if (direct != null) {
            java.sql.Timestamp to = java.sql.Timestamp.from(java.time.Instant.now());
            line("  where the time went: stored → applied p50/p99 %s ms; reply written → sent p50/p99 %s ms",
                    stage(direct, "inbox_update", "received_at", "processed_at", from, to),
                    stage(direct, "outbound_message", "created_at", "sent_at", from, to));
            // rows that were not sent at the first try, or waited for a later time: what the poll finds besides strays
            line("  outbox rows of the phase sent late on purpose: %s", direct.query("SELECT count(*) FILTER (WHERE "
                    + "attempts > 0) AS tried, count(*) FILTER (WHERE not_before > created_at) AS deferred, "
                    + "count(*) FILTER (WHERE sent_at - created_at > interval '500 milliseconds') AS slow, "
                    + "string_agg(DISTINCT coalesce(last_error, ''), '; ') AS errors FROM outbound_message "
                    + "WHERE created_at BETWEEN ? AND ?", (org.springframework.jdbc.core.ResultSetExtractor<String>) rs -> {
                        rs.next();
                        return String.format("%d retried, %d deferred, %d sent after more than 500 ms; errors: %s",
                                rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4));
                    }, from, to));
        }
        if (postgres != null) {
            line("  CPU of PostgreSQL by process: %s", pgKinds.entrySet().stream()
                    .map(e -> String.format("%s %.2f", e.getKey(), (e.getValue() - pgKinds0.getOrDefault(e.getKey(), 0.0)) / wall))
                    .collect(java.util.stream.Collectors.joining(", ")) + " cores");
        }
        line("  CPU of the harness's JVM (fake Bot API, load generator): %.2f cores; the machine's %d cores were %.0f %% "
                + "busy", harnessCores, Runtime.getRuntime().availableProcessors(), machineBusy * 100);
        if (meters != null) {
            double n = meters.sum(BATCHES + "_count") - meters0.sum(BATCHES + "_count");
            if (n > 0) {
                line("  worker transactions: %.0f, %.1f updates applied in each on average", n,
                        (meters.sum(BATCHES + "_sum") - meters0.sum(BATCHES + "_sum")) / n);
            }
            java.util.Map<String, Double> claimed0 = meters0.sumBy(CLAIMED, "path");
            line("  outbox rows leased, by the path that found them: %s", meters.sumBy(CLAIMED, "path").entrySet()
                    .stream().map(e -> String.format("%s %.0f", e.getKey(), e.getValue() - claimed0.getOrDefault(e.getKey(), 0.0)))
                    .collect(java.util.stream.Collectors.joining(", ")));
            if (meters.has(COMPILING)) {
                line("  the application's JIT compilers: %.2f s of the %.1f s", (meters.sum(COMPILING)
                        - meters0.sum(COMPILING)) / 1e3, wall);
            }
        }
        // what may have stalled the bot during the phase, next to the seconds whose replies were slowest
        long[] checkpoints = direct == null ? null : checkpoints(direct);
        line("  stalls: the bot's %s; the harness's %s%s; slowest seconds (p99/max): %s", bot.gcPauses(wall0, wall1),
                GcPauses.summary(),
                checkpoints == null ? "" : String.format(", PostgreSQL checkpoints %d (writing %d ms, syncing %d ms)",
                        checkpoints[0] - checkpoints0[0], checkpoints[1] - checkpoints0[1],
                        checkpoints[2] - checkpoints0[2]), mix.latencies.worstSeconds(3));
        if (skipped > 0) {
            line("  %s did not keep up with %.0f updates/s: %d injections skipped while %d were unanswered", name, rate,
                    skipped, cap);
        }
        return p;
    }

    /** The application's meters read by the benchmark, as its Prometheus endpoint names them. */
    private static final String BATCHES = "hamyar_updates_batch_size";
    private static final String CLAIMED = "hamyar_outbox_claimed_total";
    private static final String ROUND_TRIPS = "hamyar_benchmark_db_round_trips_total";
    private static final String COMPILING = "jvm_compilation_time_ms_total";

    /** The statements that took most of the server's time since the last reset (execution plus planning). */
    private void printStatements(JdbcTemplate jdbc, long applied, String phase) {
        line("  statements by the server's time (pg_stat_statements, %s):", phase);
        line("  | total ms | calls | ms/call | plan ms | rows | statement |");
        jdbc.query("SELECT round(total_exec_time::numeric) AS exec, calls, round((total_exec_time / greatest(calls, 1))::numeric, 3) "
                + "AS mean, round(total_plan_time::numeric) AS plan, rows, regexp_replace(query, '\\s+', ' ', 'g') AS q "
                + "FROM pg_stat_statements ORDER BY total_exec_time + total_plan_time DESC LIMIT 30", rs -> {
                    String q = rs.getString("q");
                    line("  | %s | %d | %s | %s | %d | %s |", rs.getString("exec"), rs.getLong("calls"),
                            rs.getString("mean"), rs.getString("plan"), rs.getLong("rows"),
                            q.length() > 160 ? q.substring(0, 160) + "…" : q);
                });
        Long calls = jdbc.queryForObject("SELECT sum(calls)::bigint FROM pg_stat_statements", Long.class);
        line("  statements executed: %d (%.1f per update applied, updates applied since the reset: %d)", calls,
                calls == null ? 0 : (double) calls / Math.max(1, applied), applied);
    }

    /**
     * What the server's busy connections were doing, sampled every 20 ms: running on the CPU (no wait event) or
     * waiting for a lock, the WAL, I/O or the client. Where the statements' time goes when they are slow.
     */
    static final class WaitEvents {
        private final JdbcTemplate jdbc;
        private final java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;
        private int samples;

        private WaitEvents(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
            this.thread = new Thread(this::sample, "wait-events");
        }

        static WaitEvents start(JdbcTemplate jdbc) {
            WaitEvents w = new WaitEvents(jdbc);
            w.thread.start();
            return w;
        }

        private void sample() {
            while (running.get()) {
                jdbc.query("SELECT coalesce(wait_event_type || ':' || wait_event, 'running (CPU)') AS w, count(*) AS n "
                        + "FROM pg_stat_activity WHERE state = 'active' AND backend_type = 'client backend' "
                        + "AND pid <> pg_backend_pid() GROUP BY 1", rs -> {
                            synchronized (counts) {
                                counts.merge(rs.getString("w"), rs.getInt("n"), Integer::sum);
                            }
                        });
                synchronized (counts) {
                    samples++;
                }
                LockSupport.parkNanos(20_000_000);
            }
        }

        List<String> stop() throws InterruptedException {
            running.set(false);
            thread.join();
            List<String> lines = new ArrayList<>();
            synchronized (counts) {
                lines.add(String.format("  busy server connections by wait event (pg_stat_activity, %d samples, "
                        + "average per sample):", samples));
                counts.entrySet().stream().sorted(java.util.Map.Entry.<String, Integer>comparingByValue().reversed())
                        .forEach(e -> lines.add(String.format("    %-40s %.2f", e.getKey(),
                                (double) e.getValue() / Math.max(1, samples))));
            }
            return lines;
        }
    }

    /** Plans of the hottest statements, taken while the saturation phase's backlog is still there. */
    private static void explainHotQueries(JdbcTemplate jdbc, List<String> plans) {
        List<String> chats = jdbc.queryForList("SELECT chat_key FROM inbox_update WHERE status = 'PENDING' "
                + "GROUP BY chat_key ORDER BY MIN(id) LIMIT 16", String.class);
        List<String> sending = jdbc.queryForList("SELECT DISTINCT chat_key FROM outbound_message "
                + "WHERE status = 'PENDING' LIMIT 16", String.class);
        String in = chats.stream().map(c -> "'" + c + "'").collect(java.util.stream.Collectors.joining(","));
        String out = sending.stream().map(c -> "'" + c + "'").collect(java.util.stream.Collectors.joining(","));
        String pendingIds = jdbc.queryForList("SELECT id FROM inbox_update WHERE status = 'PENDING' ORDER BY id LIMIT 16",
                Long.class).stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
        String unsentIds = jdbc.queryForList("SELECT id FROM outbound_message WHERE status = 'PENDING' ORDER BY id "
                + "LIMIT 32", Long.class).stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
        for (String q : List.of(
                // what the worker's done mark and the sender's after-commit claim look up by id
                "SELECT id FROM inbox_update WHERE status = 'PENDING' AND id IN (" + pendingIds + ")",
                "SELECT o.id FROM outbound_message o WHERE o.status = 'PENDING' AND o.not_before <= now() AND "
                        + "o.id IN (" + unsentIds + ") AND (o.op = 'ANSWER_CALLBACK' OR NOT EXISTS (SELECT 1 FROM "
                        + "outbound_message p WHERE p.chat_key = o.chat_key AND p.status IN ('PENDING', 'CLAIMED') "
                        + "AND p.op <> 'ANSWER_CALLBACK' AND p.id < o.id)) ORDER BY o.id LIMIT 32",
                "SELECT id, chat_key, payload FROM (SELECT id, chat_key, payload, ROW_NUMBER() OVER (PARTITION BY "
                        + "chat_key ORDER BY id) AS n FROM inbox_update WHERE chat_key IN (" + in + ") AND status = "
                        + "'PENDING') p WHERE n <= 10 ORDER BY id",
                "SELECT chat_key FROM inbox_update WHERE status = 'PENDING' GROUP BY chat_key ORDER BY MIN(id) LIMIT 256",
                "SELECT chat_key, flow, step, draft, locale, expires_at FROM conversation WHERE chat_key IN (" + in + ")",
                "SELECT o.id FROM outbound_message o WHERE o.status = 'PENDING' AND o.not_before <= now() AND "
                        + "o.chat_key IN (" + out + ") AND (o.op = 'ANSWER_CALLBACK' OR NOT EXISTS (SELECT 1 FROM "
                        + "outbound_message p WHERE p.chat_key = o.chat_key AND p.status IN ('PENDING', 'CLAIMED') "
                        + "AND p.op <> 'ANSWER_CALLBACK' AND p.id < o.id)) ORDER BY o.not_before, o.id LIMIT 32")) {
            plans.add("  EXPLAIN " + (q.length() > 120 ? q.substring(0, 120) + "…" : q));
            jdbc.query("EXPLAIN (ANALYZE, BUFFERS) " + q, rs -> {
                plans.add("    " + rs.getString(1));
            });
        }
        // The worker's locking statement as it runs (it takes the locks: in a transaction rolled back at once;
        // a worker meanwhile skips those chats and the sweep brings them back)
        String locking = "SELECT chat_key, flow, step, draft, locale, expires_at FROM conversation WHERE chat_key IN ("
                + in + ") ORDER BY chat_key FOR UPDATE SKIP LOCKED";
        plans.add("  EXPLAIN " + locking.substring(0, 120) + "…");
        new org.springframework.transaction.support.TransactionTemplate(
                new org.springframework.jdbc.datasource.DataSourceTransactionManager(jdbc.getDataSource()))
                .executeWithoutResult(status -> {
                    jdbc.query("EXPLAIN (ANALYZE, BUFFERS) " + locking, rs -> {
                        plans.add("    " + rs.getString(1));
                    });
                    status.setRollbackOnly();
                });
        jdbc.query("SELECT relname, n_live_tup, n_dead_tup, n_tup_upd, n_tup_hot_upd, autovacuum_count, "
                + "pg_size_pretty(pg_total_relation_size(relid)) AS size FROM pg_stat_user_tables "
                + "WHERE relname IN ('conversation', 'inbox_update', 'outbound_message') ORDER BY relname", rs -> {
                    plans.add(String.format("  table %s: %d live, %d dead rows, %d updates (%d HOT), "
                                    + "autovacuumed %d times, %s", rs.getString(1), rs.getLong(2), rs.getLong(3),
                            rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getString(7)));
                });
    }

    /** p50/p99 in ms of {@code end - start} for the rows of {@code table} started in [from, to]. */
    private static String stage(JdbcTemplate jdbc, String table, String start, String end, java.sql.Timestamp from,
                                java.sql.Timestamp to) {
        return jdbc.queryForObject("SELECT coalesce(round(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM "
                + end + " - " + start + ")) * 1000) || '/' || round(percentile_cont(0.99) WITHIN GROUP (ORDER BY "
                + "extract(epoch FROM " + end + " - " + start + ")) * 1000), '–') FROM " + table + " WHERE " + start
                + " BETWEEN ? AND ? AND " + end + " IS NOT NULL", String.class, from, to);
    }

    private static long done(JdbcTemplate jdbc) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM inbox_update WHERE status = 'DONE'", Long.class);
        return n == null ? 0 : n;
    }

    /** PostgreSQL's checkpoints so far: how many, and the milliseconds spent writing and syncing them. */
    private static long[] checkpoints(JdbcTemplate direct) {
        return direct.queryForObject("SELECT checkpoints_timed + checkpoints_req, checkpoint_write_time::bigint, "
                + "checkpoint_sync_time::bigint FROM pg_stat_bgwriter", (rs, i) -> new long[] {rs.getLong(1),
                rs.getLong(2), rs.getLong(3)});
    }

    /** Injects at {@code rate} per second for {@code duration}, pausing while {@code cap} updates are unanswered. */
    private static long run(Mix mix, double rate, Duration duration, int cap) {
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        long sent = 0;
        long skipped = 0;
        while (System.nanoTime() < end) {
            long due = (long) ((System.nanoTime() - start) / 1e9 * rate);
            while (sent < due && mix.latencies.outstanding() < cap) {
                mix.injectOne();
                sent++;
            }
            if (sent < due && mix.latencies.outstanding() >= cap) {
                skipped += due - sent;
                sent = due; // do not catch up in a burst later
            }
            LockSupport.parkNanos(200_000);
        }
        return skipped;
    }

    private void line(String format, Object... args) {
        String s = String.format(format, args);
        report.add(s);
        System.out.println(s);
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown CPU");
        } catch (Exception e) {
            return "unknown CPU";
        }
    }

    record Phase(String name, double throughput, double[] latency, double cores, double pgCores, double roundTrips) {
    }

    /**
     * The open-loop part of the load: 70 % echo-flow messages, 15 % {@code /help}, 15 % {@code /profile} (half of
     * them by registered members). Each of these gets exactly one reply, so latencies can be matched per chat.
     */
    static final class Mix {
        final FakeBot bot;
        final boolean hamyar;
        final Latencies latencies = new Latencies();
        final List<FakeUser> echoUsers = new ArrayList<>();
        final List<FakeUser> menuUsers = new ArrayList<>();
        final Random random = new Random(11);
        long sequence;

        Mix(FakeBot bot, boolean hamyar) {
            this.bot = bot;
            this.hamyar = hamyar;
            for (int i = 0; i < ECHO_USERS; i++) {
                echoUsers.add(bot.user(100_000 + i, "Echo" + i));
            }
            for (int i = 0; i < MENU_USERS; i++) {
                menuUsers.add(bot.user(200_000 + i, "Menu" + i));
            }
            bot.onSent(latencies::onSent);
        }

        /** The echo users open the echo flow (no reply). */
        void prepare() {
            for (FakeUser u : echoUsers) {
                bot.injectText(u, "/echo");
            }
        }

        void injectOne() {
            int roll = random.nextInt(100);
            FakeUser u;
            String text;
            if (roll < 70) {
                u = echoUsers.get(random.nextInt(echoUsers.size()));
                text = "m" + (++sequence);
            } else {
                boolean registered = hamyar && roll >= 85 && random.nextBoolean() && !Registrants.MEMBERS.isEmpty();
                u = registered ? Registrants.MEMBERS.get(random.nextInt(Registrants.MEMBERS.size()))
                        : menuUsers.get(random.nextInt(menuUsers.size()));
                text = roll < 85 ? "/help" : "/profile";
            }
            latencies.injected(u.chatId());
            bot.injectText(u, text);
        }

        void drain(Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (latencies.outstanding() > 0) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(latencies.outstanding() + " updates still unanswered after " + timeout);
                }
                LockSupport.parkNanos(50_000_000);
            }
        }
    }

    /**
     * Users registering through the whole form in the background, each answering every question as soon as it is asked,
     * the registrations started at an even pace ({@link #REGISTRATION_RATE} steps a second on average) by a few
     * threads; done ones do /profile.
     */
    static final class Registrants {
        static final List<FakeUser> MEMBERS = new CopyOnWriteArrayList<>();
        final FakeBot bot;
        final AtomicBoolean running = new AtomicBoolean(true);
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final List<Thread> threads = new ArrayList<>();
        /** When the next registration may start (nanoTime); each start moves it on by one interval. */
        final java.util.concurrent.atomic.AtomicLong nextStart = new java.util.concurrent.atomic.AtomicLong(System.nanoTime());
        final long interval = (long) (Registrant.UPDATES_PER_REGISTRATION * 1e9 / REGISTRATION_RATE);

        Registrants(FakeBot bot) {
            this.bot = bot;
        }

        /** Waits for this thread's turn to start a registration. */
        private void awaitTurn() {
            long now = System.nanoTime();
            long previous = nextStart.getAndAccumulate(interval, (next, i) -> Math.max(next, now) + i);
            long slot = Math.max(previous, now);
            while (running.get() && System.nanoTime() < slot) {
                LockSupport.parkNanos(Math.min(slot - System.nanoTime(), 100_000_000));
            }
        }

        void start() {
            Consumer<Integer> loop = k -> {
                while (running.get()) {
                    awaitTurn();
                    if (!running.get()) {
                        break;
                    }
                    int n = next.incrementAndGet();
                    try {
                        Registrant.register(bot, 300_000 + n, n, Duration.ofSeconds(120));
                        MEMBERS.add(bot.user(300_000 + n, "Reg" + n));
                        done.incrementAndGet();
                    } catch (RuntimeException | AssertionError e) {
                        failed.incrementAndGet();
                    }
                }
            };
            for (int i = 0; i < REGISTRANT_THREADS; i++) {
                int k = i;
                Thread t = new Thread(() -> loop.accept(k), "registrant-" + i);
                t.setDaemon(true);
                t.start();
                threads.add(t);
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread t : threads) {
                t.join(150_000);
            }
        }
    }
}
