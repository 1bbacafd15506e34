package ir.hamyar.bot.resilience;

import ir.hamyar.bot.e2e.TestApp;
import ir.hamyar.bot.e2e.TestFlows;
import ir.hamyar.bot.fakeapi.FakeBot;
import ir.hamyar.bot.fakeapi.FakeBotApi;
import ir.hamyar.bot.fakeapi.Flavor;
import ir.hamyar.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;

import static ir.hamyar.bot.resilience.CrashRecoveryTests.sleep;
import static ir.hamyar.bot.resilience.CrashRecoveryTests.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL stopped ({@code pg_ctl stop -m fast}) and started again while users talk to the bot. On its own
 * cluster, so stopping it disturbs no other test. While the database is away the long-polling consumer keeps
 * retrying the batch it holds (nothing is acknowledged unstored); afterwards the pool reconnects and the app
 * carries on.
 */
class PostgresRestartTests {

    @Test
    void carriesOnAfterTheDatabaseRestartsUnderLoadAndLosesNothing() throws Exception {
        try (TestPostgres.DedicatedCluster cluster = TestPostgres.startDedicatedLocal();
             FakeBotApi api = FakeBotApi.start(0)) {
            TestPostgres.Database db = cluster.newDatabase("pgrestart");
            FakeBot telegram = api.bot(TestApp.TELEGRAM_TOKEN, Flavor.TELEGRAM, "hamyar_test_bot");
            EchoLoad load = new EchoLoad(telegram, 80_000, 60);
            try (TestApp app = TestApp.on(db, api).with(TestFlows.class)
                    .property("hamyar.outbound.lease", "4s")
                    .property("hamyar.outbound.max-in-memory-wait", "2s")
                    .property("hamyar.outbound.poll-interval", "200ms")
                    .property("hamyar.outbound.bot-per-second", "5000")
                    .property("hamyar.outbound.bot-burst", "5000")
                    .property("hamyar.outbound.chat-per-second", "200")
                    .property("hamyar.outbound.chat-burst", "200")
                    .property("spring.datasource.hikari.connection-timeout", "2000")
                    .start()) {
                load.enterEchoFlow();
                AtomicBoolean injecting = new AtomicBoolean(true);
                Thread injector = new Thread(() -> {
                    Random r = new Random(42);
                    while (injecting.get()) {
                        for (int i = 0; i < 10; i++) {
                            load.sendOne(r);
                        }
                        sleep(80);
                    }
                }, "pg-restart-injector");
                injector.setDaemon(true);
                injector.start();
                try {
                    sleep(3_000);
                    int before = load.messagesSent();
                    cluster.stop();
                    sleep(3_000);
                    cluster.start();
                    sleep(4_000);
                    assertThat(load.messagesSent()).isGreaterThan(before);
                } finally {
                    injecting.set(false);
                    injector.join();
                }

                JdbcTemplate jdbc = DatabaseChecks.jdbc(db);
                try {
                    load.awaitEveryReply(Duration.ofMinutes(4));
                } catch (AssertionError e) {
                    throw new AssertionError(e.getMessage() + "\n" + load.diagnose(jdbc, "T:"), e);
                }
                waitUntil(() -> DatabaseChecks.inbox(jdbc, "PENDING") == 0 && DatabaseChecks.outboxNotSent(jdbc) == 0,
                        Duration.ofMinutes(2));
                System.out.printf("postgres restart: %d updates injected, %d replies sent twice%n",
                        load.injected(), load.duplicateReplies());
                assertThat(load.problems()).isEmpty();
                assertThat(load.databaseProblems(jdbc, "T:")).isEmpty();
                assertThat(DatabaseChecks.inbox(jdbc, "DONE")).isEqualTo(load.injected());
                assertThat(DatabaseChecks.unreadableDrafts(jdbc)).isEmpty();
            }
        }
    }
}
