package ir.hamyar.bot.e2e;

import ir.hamyar.bot.fakeapi.FakeBot;
import ir.hamyar.bot.fakeapi.FakeBotApi;
import ir.hamyar.bot.fakeapi.Flavor;
import ir.hamyar.bot.scenario.Chatter;
import ir.hamyar.messages.ChatText;
import ir.hamyar.messages.Texts;
import ir.hamyar.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A messenger whose Bot API cannot be reached when the application starts (Telegram blocked or down) must not
 * keep the application from starting: the other messenger serves at once, and the unreachable one is started
 * in the background as soon as its API answers. Before, the failed deleteWebhook (long polling) or setWebhook
 * failed the whole start, so every restart failed for as long as Telegram was unreachable.
 */
class UnreachableMessengerEndToEndTests {

    private static final String GREETING = ChatText.htmlToPlain(Texts.get(Texts.FA, "runtime.greeting"));

    @Test
    void longPollingStartsWhenTheApiAnswersAgainAndTheOtherMessengerServesMeanwhile() {
        try (FakeBotApi api = FakeBotApi.start(0)) {
            FakeBot telegram = api.bot(TestApp.TELEGRAM_TOKEN, Flavor.TELEGRAM, "hamyar_test_bot");
            FakeBot bale = api.bot(TestApp.BALE_TOKEN, Flavor.BALE, "hamyar_test_bale_bot");
            // The start and the first two retries fail (a dropped connection, then errors); the third retry works.
            telegram.dropConnections("deleteWebhook", 1).failNext("deleteWebhook", 2, 502, null);

            try (TestApp app = TestApp.on(TestPostgres.newDatabase("unreachable_polling"), api).withBale(api)
                    .property("hamyar.receive-retry", "300ms").start()) {
                Chatter onBale = new Chatter(bale, 4101, "Bahar");
                onBale.sends("/start");
                assertThat(onBale.awaitReply().plainText()).isEqualTo(GREETING);

                await().atMost(Duration.ofSeconds(30))
                        .untilAsserted(() -> assertThat(telegram.calls("getUpdates")).isNotEmpty());
                Chatter onTelegram = new Chatter(telegram, 4102, "Tara");
                onTelegram.sends("/start");
                assertThat(onTelegram.awaitReply().plainText()).isEqualTo(GREETING);
                assertThat(telegram.calls("deleteWebhook")).hasSizeGreaterThanOrEqualTo(3);
            }
        }
    }

    @Test
    void aWebhookThatCouldNotBeSetIsSetWhenTheApiAnswersAgain() {
        try (FakeBotApi api = FakeBotApi.start(0)) {
            FakeBot telegram = api.bot(TestApp.TELEGRAM_TOKEN, Flavor.TELEGRAM, "hamyar_test_bot");
            telegram.failNext("setWebhook", 2, 502, null);

            try (TestApp app = TestApp.on(TestPostgres.newDatabase("unreachable_webhook"), api)
                    .property("hamyar.webhook.base-url", "https://hamyar.example.org")
                    .property("hamyar.webhook.secret", "a-secret-of-24-characters")
                    .property("hamyar.receive-retry", "300ms").start()) {
                // (a call is recorded once answered: both are awaited)
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    assertThat(telegram.webhookUrl()).contains("https://hamyar.example.org/webhook/telegram");
                    assertThat(telegram.calls("setWebhook")).hasSize(3);
                });
            }
        }
    }
}
