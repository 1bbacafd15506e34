package ir.hamyar.bot.sandbox;

import ir.hamyar.bot.HamyarApplication;
import ir.hamyar.bot.fakeapi.FakeBot;
import ir.hamyar.bot.fakeapi.SentMessage;
import ir.hamyar.bot.scenario.Chatter;
import ir.hamyar.messages.ChatText;
import ir.hamyar.messages.Texts;
import ir.hamyar.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The zero-setup database outlives the process, the in-process fake Bot API does not: after a restart the new
 * fake must not number its updates from 1 again, or the inbox would drop them as already seen.
 */
class SandboxRestartTests {

    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(15);

    @Test
    void answersAfterARestartOnTheSameDatabase() {
        TestPostgres.Database db = TestPostgres.newDatabase("sandbox_restart");
        String greeting = ChatText.htmlToPlain(Texts.get(Texts.FA, "runtime.greeting"));

        try (ConfigurableApplicationContext first = start(db)) {
            Chatter sara = new Chatter(telegram(first), 3001, "Sara").withReplyTimeout(REPLY_TIMEOUT);
            sara.sends("/start");
            assertThat(sara.awaitReply().plainText()).isEqualTo(greeting);
        }

        try (ConfigurableApplicationContext second = start(db)) {
            FakeBot telegram = telegram(second);
            Chatter omid = new Chatter(telegram, 3002, "Omid").withReplyTimeout(REPLY_TIMEOUT);
            int updateId = telegram.injectText(omid.user(), "/start");
            assertThat(updateId).isGreaterThan(1);
            SentMessage reply = omid.awaitReply();
            assertThat(reply.plainText()).isEqualTo(greeting);
        }
    }

    private static FakeBot telegram(ConfigurableApplicationContext app) {
        return app.getBean(Sandbox.class).api().bot(SandboxConfiguration.TELEGRAM_TOKEN);
    }

    private static ConfigurableApplicationContext start(TestPostgres.Database db) {
        return SpringApplication.run(HamyarApplication.class,
                "--spring.datasource.url=" + db.url(),
                "--spring.datasource.username=" + db.username(),
                "--spring.datasource.password=" + db.password(),
                "--server.port=0",
                "--hamyar.telegram.token=",
                "--hamyar.bale.token=",
                "--hamyar.poll-timeout=2s",
                "--hamyar.runtime.sweep-interval=100ms");
    }
}
