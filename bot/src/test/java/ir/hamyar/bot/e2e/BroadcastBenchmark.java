package ir.hamyar.bot.e2e;

import ir.hamyar.bot.fakeapi.FakeBot;
import ir.hamyar.bot.fakeapi.FakeBotApi;
import ir.hamyar.bot.fakeapi.Flavor;
import ir.hamyar.testing.TestPostgres;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Not a test: how close a broadcast comes to a messenger's rate limit through the real path (set-based
 * expansion, outbox, leasing sender, gateway, HTTP client) against a fake that enforces the limit the way the
 * Bot API does (429 with retry_after when exceeded). Excluded from the default run; run with
 * <pre>./mvnw -B -q verify -pl bot -am -Dgroups=benchmark -Dtest=BroadcastBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 *     [-Dbenchmark.messages=900] [-Dbenchmark.rate=30] [-Dbenchmark.burst=1]</pre>
 * and read the figures in {@code bot/target/surefire-reports/ir.hamyar.bot.e2e.BroadcastBenchmark-output.txt}.
 */
@Tag("benchmark")
class BroadcastBenchmark {

    @Test
    void broadcastThroughputAgainstARateLimitedMessenger() {
        int messages = Integer.getInteger("benchmark.messages", 900);
        int rate = Integer.getInteger("benchmark.rate", 30);
        // The gateway's burst: a burst of 30 after idleness overshoots a strict one-second window and costs a
        // 429 pause; 1 spaces calls evenly.
        int burst = Integer.getInteger("benchmark.burst", 1);
        try (FakeBotApi api = FakeBotApi.start(0)) {
            FakeBot telegram = api.bot(TestApp.TELEGRAM_TOKEN, Flavor.TELEGRAM, "hamyar_test_bot");
            telegram.limitRate(rate);
            try (TestApp app = TestApp.on(TestPostgres.newDatabase("bcbench"), api)
                    .property("hamyar.webhook.base-url", "http://127.0.0.1:9")
                    .property("hamyar.webhook.secret", "a-webhook-secret-of-enough-length")
                    .property("hamyar.outbound.bot-per-second", rate)
                    .property("hamyar.outbound.bot-burst", burst)
                    .property("hamyar.broadcasting.quiet-start", "00:00")
                    .property("hamyar.broadcasting.quiet-end", "00:00")
                    .property("hamyar.broadcasting.schedule-check-every", "1h")
                    .start()) {
                BroadcastSupport.seedMembers(app.jdbc(), 950_001, messages, "TELEGRAM",
                        BroadcastSupport.firstCounty(app.jdbc()), null, "fa");
                long started = System.nanoTime();
                long id = BroadcastDeliveryEndToEndTests.startBroadcast(app, "Benchmark");
                await().atMost(Duration.ofSeconds(messages / rate * 3L + 60)).pollInterval(Duration.ofMillis(50))
                        .until(() -> BroadcastSupport.rows(app.jdbc(), id, "SENT") == messages);
                double seconds = (System.nanoTime() - started) / 1e9;
                double perSecond = messages / seconds;
                long refused = telegram.calls("sendMessage").stream().filter(c -> c.status() == 429).count();
                System.out.printf(Locale.ROOT, "BENCHMARK broadcast: %d messages in %.1f s = %.1f msg/s, %.0f%% of the "
                        + "fake's limit of %d/s (gateway burst %d); %d calls answered 429%n", messages, seconds,
                        perSecond, 100 * perSecond / rate, rate, burst, refused);
                assertThat(BroadcastSupport.rows(app.jdbc(), id, "SENT")).isEqualTo(messages);
            }
        }
    }
}
