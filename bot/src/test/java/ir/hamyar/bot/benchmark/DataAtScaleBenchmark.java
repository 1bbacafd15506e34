package ir.hamyar.bot.benchmark;

import ir.hamyar.bot.e2e.TestApp;
import ir.hamyar.bot.fakeapi.FakeBotApi;
import ir.hamyar.bot.fakeapi.Flavor;
import ir.hamyar.testing.TestPostgres;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Data at scale (issue 11): 1,000,000 members (registered evenly over the last two years) with their accounts
 * (every member on Telegram, one in five also on Bale) and interests, runtime tables of a busy bot
 * (conversations, an inbox and an outbox of two rows per member, 200 of each pending), and the network around them
 * ({@link NetworkLoad}: 31 province offices, a county office in nine counties of ten, 3,000 local centres, their
 * managers and deputies in force, 4,000 courses with 300,000 enrolments, 200,000 reports over two years with their
 * history and notes, about 5 % open, skewed towards busy offices), all loaded with COPY and proportional to the
 * member count. Then the latency of the hot queries at that size (member lookups, inbox and outbox, and in
 * {@link NetworkQueries} routing, open reports, a chat's next delivery, {@code /stats} and course seats, as the
 * application sends them), their plans (no sequential scan on a big table), and the application's startup time
 * and idle memory on that database. Figures are printed, and written to {@code target/benchmark/data-at-scale.txt}.
 * Run on demand:
 * <pre>
 * ./mvnw -B verify -pl bot -am -Dgroups=benchmark -Dhamyar.excludedGroups= -Dtest='DataAtScaleBenchmark' \
 *     -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * {@code -Dhamyar.benchmark.members=50000} loads a smaller network in the same proportions;
 * {@code -Dhamyar.benchmark.startup=false} skips the startup and idle-memory part.
 */
@Tag("benchmark")
class DataAtScaleBenchmark {

    static final int MEMBERS = Integer.getInteger("hamyar.benchmark.members", 1_000_000);
    private static final int INBOX_ROWS = 2 * MEMBERS;
    static final int OUTBOX_ROWS = 2 * MEMBERS;
    static final int PENDING = 200;
    private static final int SAMPLES = 2_000;
    private static final int MIN_RUNS = 20;
    private static final java.time.Duration QUERY_BUDGET = java.time.Duration.ofSeconds(20);
    private static final boolean STARTUP = Boolean.parseBoolean(System.getProperty("hamyar.benchmark.startup", "true"));
    private static final List<String> BIG_TABLES = List.of("member", "member_account", "member_interest",
            "conversation", "inbox_update", "outbound_message", "problem_report", "report_history", "report_note",
            "enrolment");

    private final Instant now = NetworkLoad.truncatedNow();

    private final List<String> report = new ArrayList<>();

    @Test
    void hotQueriesStayFastAndIndexedAtAMillionMembers() throws Exception {
        List<String> seqScans = new ArrayList<>();
        try (TestPostgres.DedicatedCluster cluster = TestPostgres.startDedicatedLocal("-c", "fsync=on",
                "-c", "synchronous_commit=on", "-c", "full_page_writes=on");
             FakeBotApi api = FakeBotApi.start(0)) {
            TestPostgres.Database db = cluster.newDatabase("scale");
            api.bot(TestApp.TELEGRAM_TOKEN, Flavor.TELEGRAM, "hamyar_test_bot");
            // the schema, by the application's own migrations
            try (TestApp app = TestApp.on(db, api).start()) {
                line("schema migrated on %s", db.url());
            }
            try (Connection c = DriverManager.getConnection(db.url(), db.username(), db.password())) {
                NetworkLoad network = load(c);
                Random random = new Random(5);
                timeAndExplain(c, "member by platform account",
                        "SELECT m.* FROM member_account a JOIN member m ON m.id = a.member_id "
                                + "WHERE a.platform = 'TELEGRAM' AND a.user_id = ?",
                        i -> List.of(10_000_000L + 1 + random.nextInt(MEMBERS)), seqScans);
                timeAndExplain(c, "member by phone",
                        "SELECT m.id FROM member m WHERE m.phone_e164 = ? AND m.phone_verified = true "
                                + "AND m.status <> 'ERASED' ORDER BY m.id",
                        i -> List.of(phone(1 + random.nextInt(MEMBERS))), seqScans);
                timeAndExplain(c, "member by national code", "SELECT m.* FROM member m WHERE m.national_code = ?",
                        i -> List.of(Registrant.nationalCode(100_000_000 + 1 + random.nextInt(MEMBERS))), seqScans);
                timeAndExplain(c, "members of a county (count)", "SELECT count(*) FROM member WHERE county_id = ?",
                        i -> List.of(countyOf(c, random)), seqScans);
                timeAndExplain(c, "pending outbox rows (poller's claim)",
                        "SELECT o.id, o.chat_key, o.payload, o.attempts, o.reference FROM outbound_message o "
                                + "WHERE o.status = 'PENDING' AND o.not_before <= now() AND (o.op = 'ANSWER_CALLBACK' "
                                + "OR NOT EXISTS (SELECT 1 FROM outbound_message p WHERE p.chat_key = o.chat_key "
                                + "AND p.status IN ('PENDING', 'CLAIMED') AND p.op <> 'ANSWER_CALLBACK' AND p.id < o.id)) "
                                + "ORDER BY o.not_before, o.id LIMIT 100 FOR UPDATE SKIP LOCKED",
                        i -> List.of(), seqScans);
                timeAndExplain(c, "next pending update of a chat (worker)",
                        "SELECT u.id, u.payload FROM inbox_update u WHERE u.chat_key = ? AND u.status = 'PENDING' "
                                + "ORDER BY u.id LIMIT 1",
                        i -> List.of("T:" + (10_000_000L + 1 + random.nextInt(MEMBERS))), seqScans);
                timeAndExplain(c, "chats with pending updates (sweep)",
                        "SELECT chat_key FROM inbox_update WHERE status = 'PENDING' GROUP BY chat_key "
                                + "ORDER BY MIN(id) LIMIT 500",
                        i -> List.of(), seqScans);
                new NetworkQueries(this, c, network, random).measure(seqScans);
                line("sequential scans on big tables: %s", seqScans.isEmpty() ? "none" : seqScans);
            }
            if (STARTUP) {
                startupAndIdleMemory(db, api, "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError");
                startupAndIdleMemory(db, api, "-Xmx256m", "-XX:+ExitOnOutOfMemoryError");
                // the production flags (deploy/Dockerfile, deploy/hamyar.service)
                startupAndIdleMemory(db, api, "-XX:+UseSerialGC", "-Xms64m", "-XX:MaxRAMPercentage=75",
                        "-XX:+ExitOnOutOfMemoryError");
            } else {
                line("startup time and idle memory not measured (-Dhamyar.benchmark.startup=false)");
            }
        }
        Path out = Path.of("target", "benchmark", "data-at-scale.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
        // checked last, so that the figures are written and the startup measured whatever the plans
        assertThat(seqScans).isEmpty();
        assertThat(String.join("\n", report)).doesNotContain("Seq Scan on member ");
    }

    // ---------------------------------------------------------------- loading

    private NetworkLoad load(Connection c) throws Exception {
        c.setAutoCommit(true);
        List<int[]> counties = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT id, province_id FROM county ORDER BY id")) {
            while (rs.next()) {
                counties.add(new int[] {rs.getInt(1), rs.getInt(2)});
            }
        }
        // the application's queries use the real clock (the last 12 weeks, the last 90 days): data ends now
        String now = this.now.toString();
        Duration step = NetworkLoad.SPAN.dividedBy(MEMBERS);
        long t0 = System.nanoTime();
        copy(c, "member (id, status, full_name, phone_e164, phone_verified, national_code, birth_year, education, "
                        + "province_id, county_id, terms_version, terms_accepted_at, locale, referral_code, created_at)",
                MEMBERS, i -> {
                    int[] county = counties.get(i % counties.size());
                    // registrations spread evenly over two years, the newest member last
                    Instant joined = this.now.minus(step.multipliedBy(MEMBERS - i));
                    return i + ",ACTIVE,Member " + i + "," + phone(i) + ",true,"
                            + Registrant.nationalCode(100_000_000 + i) + "," + (1330 + i % 60) + ",BACHELOR,"
                            + county[1] + "," + county[0] + ",1," + joined + ",fa,R" + Long.toString(i, 36) + "," + joined;
                });
        copy(c, "member_account (platform, user_id, chat_id, member_id, linked_at, last_seen_at)", MEMBERS,
                i -> "TELEGRAM," + (10_000_000L + i) + "," + (10_000_000L + i) + "," + i + "," + now + "," + now);
        copy(c, "member_account (platform, user_id, chat_id, member_id, linked_at, last_seen_at)", MEMBERS / 5,
                i -> "BALE," + (20_000_000L + i) + "," + (20_000_000L + i) + "," + (i * 5) + "," + now + "," + now);
        copy(c, "member_interest (member_id, working_group_id)", MEMBERS, i -> i + "," + (1 + i % 11));
        copy(c, "member_interest (member_id, working_group_id)", MEMBERS / 2, i -> (i * 2) + "," + (1 + ((i * 2) % 11 + 1) % 11));
        copy(c, "conversation (chat_key, platform, chat_id, chat_type, updated_at)", MEMBERS,
                i -> "T:" + (10_000_000L + i) + ",TELEGRAM," + (10_000_000L + i) + ",PRIVATE," + now);
        copy(c, "inbox_update (platform, update_id, chat_key, payload, status, attempts, received_at, processed_at)",
                INBOX_ROWS, i -> "TELEGRAM," + i + ",T:" + (10_000_000L + 1 + (i % MEMBERS)) + ",{}," + (i > INBOX_ROWS - PENDING
                        ? "PENDING,0," + now + "," : "DONE,1," + now + "," + now));
        copy(c, "outbound_message (platform, chat_id, chat_key, op, payload, status, attempts, not_before, created_at, "
                        + "sent_at)", OUTBOX_ROWS,
                i -> "TELEGRAM," + (10_000_000L + 1 + (i % MEMBERS)) + ",T:" + (10_000_000L + 1 + (i % MEMBERS))
                        + ",SEND_TEXT,{}," + (i > OUTBOX_ROWS - PENDING ? "PENDING,0," + now + "," + now + ","
                        : "SENT,0," + now + "," + now + "," + now));
        NetworkLoad network = new NetworkLoad(MEMBERS, counties, this.now);
        network.load(c);
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE member ALTER COLUMN id RESTART WITH " + (MEMBERS + 1));
            // what autovacuum does to a table after a bulk load: statistics, and the visibility map that lets
            // the planner answer from an index alone
            s.execute("VACUUM ANALYZE");
        }
        line("loaded %,d members, %,d accounts, %,d interests, %,d conversations, %,d inbox and %,d outbox rows "
                        + "(%d of each pending) with COPY in %.1f s", MEMBERS, MEMBERS + MEMBERS / 5, MEMBERS + MEMBERS / 2,
                MEMBERS, INBOX_ROWS, OUTBOX_ROWS, PENDING, (System.nanoTime() - t0) / 1e9);
        long active = network.offices.stream().filter(NetworkLoad.Office::active).count();
        line("and %,d offices (%d active), %,d appointments, %,d courses (%d open) with %,d sessions and %,d "
                        + "enrolments, %,d reports (%,d open) with %,d history rows and %,d notes",
                network.offices.size(), active, network.appointments, network.courses.size(),
                network.openCourses.size(), network.sessions, network.enrolments, network.reports,
                network.openReports, network.historyRows, network.notes);
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT pg_size_pretty(pg_database_size(current_database()))")) {
            rs.next();
            line("database size: %s", rs.getString(1));
        }
        return network;
    }

    /** COPY rows 1..n (CSV, produced by {@code row}) into {@code table (columns)}. */
    static void copy(Connection c, String tableAndColumns, int n, Function<Integer, String> row)
            throws SQLException {
        CopyIn in = c.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + tableAndColumns + " FROM STDIN WITH (FORMAT csv)");
        try {
            StringBuilder chunk = new StringBuilder(1 << 20);
            for (int i = 1; i <= n; i++) {
                chunk.append(row.apply(i)).append('\n');
                if (chunk.length() > (1 << 20) - 512) {
                    byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
                    in.writeToCopy(bytes, 0, bytes.length);
                    chunk.setLength(0);
                }
            }
            byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
            in.writeToCopy(bytes, 0, bytes.length);
            in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    static String phone(int i) {
        return String.format("+98912%07d", i % 10_000_000);
    }

    static Integer countyOf(Connection c, Random random) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT id FROM county ORDER BY id OFFSET " + random.nextInt(400) + " LIMIT 1")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- measuring

    void timeAndExplain(Connection c, String name, String sql, Function<Integer, List<Object>> args,
                                List<String> seqScans) throws SQLException {
        c.setAutoCommit(false);
        long[] nanos = new long[SAMPLES];
        int runs = 0;
        // A query over a whole network (the /stats totals) takes hundreds of ms at a million members: such a one
        // stops after QUERY_BUDGET instead of 2,000 runs (at least MIN_RUNS), and says how many it had.
        long stopAt = System.nanoTime() + QUERY_BUDGET.toNanos();
        try (PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < SAMPLES && (i < MIN_RUNS || System.nanoTime() < stopAt); i++) {
                List<Object> a = args.apply(i);
                for (int k = 0; k < a.size(); k++) {
                    p.setObject(k + 1, a.get(k));
                }
                long t = System.nanoTime();
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        rs.getObject(1);
                    }
                }
                nanos[i] = System.nanoTime() - t;
                runs++;
                c.rollback();
            }
        }
        nanos = Arrays.copyOf(nanos, runs);
        Arrays.sort(nanos);
        line("%-46s p50 %.3f ms, p99 %.3f ms, max %.3f ms (%d runs)", name, nanos[runs / 2] / 1e6,
                nanos[(int) (runs * 0.99)] / 1e6, nanos[runs - 1] / 1e6, runs);
        StringBuilder plan = new StringBuilder();
        try (PreparedStatement p = c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + sql)) {
            List<Object> a = args.apply(0);
            for (int k = 0; k < a.size(); k++) {
                p.setObject(k + 1, a.get(k));
            }
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    plan.append("    ").append(rs.getString(1)).append('\n');
                }
            }
        }
        c.rollback();
        c.setAutoCommit(true);
        line("%s", plan.toString().stripTrailing());
        for (String table : BIG_TABLES) {
            if (plan.toString().matches("(?s).*Seq Scan on " + table + "\\b.*")) {
                seqScans.add(name + ": Seq Scan on " + table);
            }
        }
    }

    /** Startup time and idle RSS of the application in a JVM of its own, with the given JVM flags. */
    private void startupAndIdleMemory(TestPostgres.Database db, FakeBotApi api, String... jvmFlags) throws Exception {
        StartupBenchmark.Sample s = StartupBenchmark.measure(db, api, List.of(jvmFlags),
                Path.of("target", "benchmark", "startup.log"));
        line("JVM flags %s: startup %.1f s from JVM launch to ready, idle RSS after 20 s %d MB",
                String.join(" ", jvmFlags), s.startupMillis() / 1e3, s.rssMb());
    }

    void line(String format, Object... args) {
        String s = String.format(format, args);
        report.add(s);
        System.out.println(s);
    }
}
