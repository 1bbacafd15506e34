package ir.hamyar.bot.resilience;

import ir.hamyar.bot.e2e.TestApp;
import ir.hamyar.bot.fakeapi.FakeBot;
import ir.hamyar.bot.fakeapi.FakeBotApi;
import ir.hamyar.bot.fakeapi.Flavor;
import ir.hamyar.bot.scenario.Chatter;
import ir.hamyar.messages.ChatText;
import ir.hamyar.messages.Texts;
import ir.hamyar.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;

import static ir.hamyar.bot.resilience.CrashRecoveryTests.sleep;
import static ir.hamyar.bot.resilience.CrashRecoveryTests.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ten thousand random updates against one running application: nothing it logs is an error, no update fails,
 * every worker is still alive afterwards, and the database is consistent.
 */
class FuzzTests {

    private static final int UPDATES = 10_000;

    @Test
    void survivesTenThousandRandomUpdatesWithoutAnErrorAndStaysConsistent() {
        long seed = Long.getLong("hamyar.fuzz.seed", System.nanoTime());
        TestPostgres.Database db = TestPostgres.newDatabase("fuzz");
        try (FakeBotApi api = FakeBotApi.start(0)) {
            FakeBot telegram = api.bot(TestApp.TELEGRAM_TOKEN, Flavor.TELEGRAM, "hamyar_test_bot");
            // the product's flows only: the test-only flows are not built for hostile input
            try (TestApp app = TestApp.on(db, api)
                    .property("hamyar.outbound.bot-per-second", "20000")
                    .property("hamyar.outbound.bot-burst", "20000")
                    .property("hamyar.outbound.chat-per-second", "1000")
                    .property("hamyar.outbound.chat-burst", "1000")
                    .property("hamyar.outbound.group-per-minute", "60000")
                    .property("hamyar.outbound.group-burst", "1000")
                    .start();
                 ErrorCapture log = ErrorCapture.attach()) {
                FuzzUpdates fuzz = new FuzzUpdates(telegram, seed, 500_000, 300);
                long started = System.nanoTime();
                for (int i = 0; i < UPDATES; i++) {
                    fuzz.injectOne();
                    if (i % 200 == 199) {
                        // keep the backlog short, so real buttons of recent replies get pressed too
                        waitUntil(() -> telegram.pendingUpdates() < 400, Duration.ofMinutes(2));
                    }
                }
                JdbcTemplate jdbc = app.jdbc();
                waitUntil(() -> telegram.pendingUpdates() == 0, Duration.ofMinutes(2));
                waitUntil(() -> DatabaseChecks.inbox(jdbc, "PENDING") == 0, Duration.ofMinutes(5));
                long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();

                Chatter fresh = new Chatter(telegram, 599_999, "Fresh");
                fresh.sends("/help");
                assertThat(fresh.withReplyTimeout(Duration.ofSeconds(30)).awaitReply().plainText())
                        .isEqualTo(ChatText.htmlToPlain(Texts.get(Texts.FA, "runtime.help")));

                System.out.printf("fuzz (seed %d): %d updates in %d s, %d stored, warnings per logger %s%n", seed,
                        UPDATES, seconds, jdbc.queryForObject("SELECT count(*) FROM inbox_update", Long.class),
                        log.warnings());
                assertThat(log.errors()).as("errors logged (seed %d)", seed).isEmpty();
                assertThat(DatabaseChecks.inbox(jdbc, "FAILED")).as("updates given up (seed %d)", seed).isZero();
                assertThat(DatabaseChecks.unreadableDrafts(jdbc)).isEmpty();
            }
        }
    }
}
