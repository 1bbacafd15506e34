package ir.hamyar.bot.resilience;

import ir.hamyar.bot.e2e.TestApp;
import ir.hamyar.bot.fakeapi.FakeBot;
import ir.hamyar.bot.fakeapi.FakeBotApi;
import ir.hamyar.bot.fakeapi.Flavor;
import ir.hamyar.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application killed with SIGKILL at random moments while users talk to it, and started again each time.
 * The long-polling offset lives only in the killed process, so the fake hands every unconfirmed update to the
 * next session again (as Telegram does): the inbox must apply each update exactly once all the same.
 */
class CrashRecoveryTests {

    private static final int KILLS = 5;
    private static final int USERS = 120;
    private static final int BACKLOG = 200;
    /** Generous bounds, not speed checks: a 2-core machine shared with other builds starts a JVM slowly. */
    private static final Duration START = Duration.ofMinutes(5);
    private static final Duration PROGRESS = Duration.ofMinutes(4);

    @Test
    void survivesRepeatedSigkillUnderLoadWithoutLosingOrRepeatingAnUpdate() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        TestPostgres.Database db = TestPostgres.newDatabase("crash");
        JdbcTemplate jdbc = DatabaseChecks.jdbc(db);
        try (FakeBotApi api = FakeBotApi.start(0)) {
            FakeBot telegram = api.bot(TestApp.TELEGRAM_TOKEN, Flavor.TELEGRAM, "hamyar_test_bot");
            EchoLoad load = new EchoLoad(telegram, 70_000, USERS);
            load.enterEchoFlow();

            int kills = 0;
            for (int run = 0; run < KILLS; run++) {
                // a backlog built up while the application is down, then more messages while it works it off
                for (int i = 0; i < BACKLOG; i++) {
                    load.sendOne(random);
                }
                ChildApp app = start(db, api, run);
                AtomicBoolean injecting = new AtomicBoolean(true);
                Thread injector = null;
                try {
                    app.awaitStarted(START);
                    injector = injector(load, injecting, new Random(seed + run));
                    long done = DatabaseChecks.inbox(jdbc, "DONE");
                    waitUntil(() -> DatabaseChecks.inbox(jdbc, "DONE") > done + 20, PROGRESS);
                    sleep(random.nextInt(1500)); // a random moment in the middle of it
                } finally {
                    app.kill();
                    injecting.set(false);
                    if (injector != null) {
                        injector.join();
                    }
                }
                kills++;
            }

            try (ChildApp last = start(db, api, KILLS)) {
                last.awaitStarted(START);
                try {
                    load.awaitEveryReply(PROGRESS);
                } catch (AssertionError e) {
                    throw new AssertionError(e.getMessage() + "\n" + load.diagnose(jdbc, "T:"), e);
                }
                waitUntil(() -> DatabaseChecks.inbox(jdbc, "PENDING") == 0 && DatabaseChecks.outboxNotSent(jdbc) == 0,
                        PROGRESS);
            }

            System.out.printf("crash test (seed %d): %d kills, %d updates injected, %d replies sent twice%n",
                    seed, kills, load.injected(), load.duplicateReplies());
            assertThat(kills).isGreaterThanOrEqualTo(5);
            assertThat(load.problems()).as("replies (seed %d)", seed).isEmpty();
            assertThat(load.databaseProblems(jdbc, "T:")).as("effects in the database (seed %d)", seed).isEmpty();
            assertThat(DatabaseChecks.inbox(jdbc, "DONE")).isEqualTo(load.injected());
            assertThat(DatabaseChecks.unreadableDrafts(jdbc)).isEmpty();
            // only rows in flight at a kill may go out twice: at most the sender's in-flight bound per kill
            assertThat(load.duplicateReplies()).isLessThanOrEqualTo(kills * 2 * 100);
        }
    }

    /** About 125 messages a second until told to stop. */
    private static Thread injector(EchoLoad load, AtomicBoolean injecting, Random random) {
        Thread t = new Thread(() -> {
            while (injecting.get()) {
                for (int i = 0; i < 10; i++) {
                    load.sendOne(random);
                }
                sleep(80);
            }
        }, "crash-test-injector");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static ChildApp start(TestPostgres.Database db, FakeBotApi api, int run) {
        return ChildApp.builder()
                .log(Path.of("target", "resilience", "crash-run-" + run + ".log"))
                .property("spring.main.sources", "ir.hamyar.bot.e2e.TestFlows")
                .property("spring.datasource.url", db.url())
                .property("spring.datasource.username", db.username())
                .property("spring.datasource.password", db.password())
                .property("hamyar.telegram.token", TestApp.TELEGRAM_TOKEN)
                .property("hamyar.telegram.api-url", api.baseUrl())
                .property("hamyar.poll-timeout", "2s")
                .property("hamyar.runtime.sweep-interval", "100ms")
                // a killed sender's leases run out soon, so its rows in flight are sent again quickly
                .property("hamyar.outbound.lease", "10s")
                .property("hamyar.outbound.max-in-memory-wait", "5s")
                .property("hamyar.outbound.poll-interval", "200ms")
                .property("hamyar.outbound.bot-per-second", "5000")
                .property("hamyar.outbound.bot-burst", "5000")
                .property("hamyar.outbound.chat-per-second", "200")
                .property("hamyar.outbound.chat-burst", "200")
                .start();
    }

    static void waitUntil(java.util.function.BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("condition not reached within " + timeout);
            }
            sleep(100);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
