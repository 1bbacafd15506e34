package ir.hamyar.bot.resilience;

import ir.hamyar.bot.e2e.TestApp;
import ir.hamyar.bot.e2e.TestFlows;
import ir.hamyar.bot.fakeapi.Call;
import ir.hamyar.bot.fakeapi.FakeBot;
import ir.hamyar.bot.fakeapi.FakeBotApi;
import ir.hamyar.bot.fakeapi.Flavor;
import ir.hamyar.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import static ir.hamyar.bot.resilience.CrashRecoveryTests.sleep;
import static ir.hamyar.bot.resilience.CrashRecoveryTests.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Bot API misbehaves while messages flow: 429 with retry_after, 500s, slow answers, dropped connections, on
 * sending and on getUpdates. Everything is delivered in the end, nothing is applied twice, and no call is made
 * while a 429's retry_after runs.
 */
class FaultsUnderLoadTests {

    private static final int RETRY_AFTER_SECONDS = 1;
    /** Calls already on the wire when the 429 was answered may still arrive just after it. */
    private static final Duration IN_FLIGHT_GRACE = Duration.ofMillis(300);
    private static final Set<String> NOT_RATE_LIMITED = Set.of("getupdates", "getme", "setmycommands",
            "deletewebhook", "getwebhookinfo");

    @Test
    void deliversEverythingOnceThroughRateLimitsServerErrorsSlownessAndDroppedConnections() throws Exception {
        TestPostgres.Database db = TestPostgres.newDatabase("faults");
        try (FakeBotApi api = FakeBotApi.start(0)) {
            FakeBot telegram = api.bot(TestApp.TELEGRAM_TOKEN, Flavor.TELEGRAM, "hamyar_test_bot");
            EchoLoad load = new EchoLoad(telegram, 90_000, 60);
            try (TestApp app = TestApp.on(db, api).with(TestFlows.class)
                    .property("hamyar.outbound.bot-per-second", "2000")
                    .property("hamyar.outbound.bot-burst", "2000")
                    .property("hamyar.outbound.chat-per-second", "200")
                    .property("hamyar.outbound.chat-burst", "200")
                    .property("hamyar.outbound.max-attempts", "50")
                    .property("hamyar.outbound.backoff-initial", "100ms")
                    .property("hamyar.outbound.backoff-max", "1s")
                    .property("hamyar.outbound.poll-interval", "200ms")
                    .start()) {
                load.enterEchoFlow();
                AtomicBoolean injecting = new AtomicBoolean(true);
                Thread injector = new Thread(() -> {
                    Random r = new Random(7);
                    while (injecting.get()) {
                        for (int i = 0; i < 10; i++) {
                            load.sendOne(r);
                        }
                        sleep(80);
                    }
                }, "faults-injector");
                injector.setDaemon(true);
                injector.start();
                try {
                    sleep(1_000);
                    for (int round = 0; round < 2; round++) {
                        telegram.failNext("sendMessage", 3, 429, RETRY_AFTER_SECONDS);
                        sleep(2_000);
                        telegram.failNext("sendMessage", 6, 500, null);
                        sleep(1_500);
                        telegram.delay("sendMessage", Duration.ofMillis(700));
                        sleep(2_000);
                        telegram.delay("sendMessage", Duration.ZERO);
                        sleep(1_500); // calls slowed down before are answered before the next fault
                        telegram.dropConnections("sendMessage", 6);
                        sleep(1_500);
                        telegram.failNext("getUpdates", 2, 500, null);
                        telegram.dropConnections("getUpdates", 2);
                        sleep(2_000);
                    }
                } finally {
                    injecting.set(false);
                    injector.join();
                }

                JdbcTemplate jdbc = DatabaseChecks.jdbc(db);
                load.awaitEveryReply(Duration.ofMinutes(4));
                waitUntil(() -> DatabaseChecks.inbox(jdbc, "PENDING") == 0 && DatabaseChecks.outboxNotSent(jdbc) == 0,
                        Duration.ofMinutes(2));

                List<Call> calls = telegram.calls();
                System.out.printf("faults under load: %d updates, %d calls (%d answered 429, %d 500, %d dropped), "
                                + "%d replies sent twice%n", load.injected(), calls.size(), count(calls, 429),
                        count(calls, 500), count(calls, 0), load.duplicateReplies());
                assertThat(count(calls, 429)).isEqualTo(6);
                assertThat(count(calls, 500)).isEqualTo(16);
                assertThat(count(calls, 0)).isEqualTo(16);
                assertThat(load.problems()).isEmpty();
                assertThat(load.databaseProblems(jdbc, "T:")).isEmpty();
                assertThat(DatabaseChecks.inbox(jdbc, "DONE")).isEqualTo(load.injected());
                assertThat(callsInsideRetryAfter(calls)).isEmpty();
            }
        }
    }

    private static long count(List<Call> calls, int status) {
        return calls.stream().filter(c -> c.status() == status).count();
    }

    /** Calls of rate-limited methods that arrived while an earlier 429's retry_after was running. */
    static List<String> callsInsideRetryAfter(List<Call> calls) {
        List<String> inside = new ArrayList<>();
        for (Call limited : calls) {
            if (limited.status() != 429) {
                continue;
            }
            Instant from = limited.at().plus(IN_FLIGHT_GRACE);
            Instant until = limited.at().plusSeconds(RETRY_AFTER_SECONDS);
            for (Call c : calls) {
                if (!NOT_RATE_LIMITED.contains(c.method()) && c.at().isAfter(from) && c.at().isBefore(until)) {
                    inside.add(c.method() + " at " + c.at() + " within the pause of the 429 at " + limited.at());
                }
            }
        }
        return inside;
    }
}
