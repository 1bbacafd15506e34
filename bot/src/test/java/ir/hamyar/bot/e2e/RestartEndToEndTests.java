package ir.hamyar.bot.e2e;

import ir.hamyar.bot.fakeapi.FakeBot;
import ir.hamyar.bot.fakeapi.FakeBotApi;
import ir.hamyar.bot.fakeapi.Flavor;
import ir.hamyar.bot.runtime.ChatType;
import ir.hamyar.bot.runtime.Inbound;
import ir.hamyar.bot.runtime.inbox.InboxStore;
import ir.hamyar.bot.scenario.Chatter;
import ir.hamyar.domain.shared.Platform;
import ir.hamyar.messages.ChatText;
import ir.hamyar.messages.Texts;
import ir.hamyar.testing.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What must survive a restart of the application, and webhook mode. Each test has its own database. */
class RestartEndToEndTests {

    FakeBotApi api;
    FakeBot telegram;
    TestPostgres.Database db;

    @BeforeEach
    void fakeApi() {
        api = FakeBotApi.start(0);
        telegram = api.bot(TestApp.TELEGRAM_TOKEN, Flavor.TELEGRAM, "hamyar_test_bot");
        db = TestPostgres.newDatabase("restart");
    }

    @AfterEach
    void closeApi() {
        api.close();
    }

    static String plain(String key, Object... args) {
        return ChatText.htmlToPlain(Texts.get(Texts.FA, key, args));
    }

    @Test
    void aFormSurvivesARestartMidway() {
        Chatter ali = new Chatter(telegram, 3001, "Ali");
        try (TestApp app = TestApp.on(db, api).with(TestFlows.class).start()) {
            ali.sends("/testflow").awaitReplyContaining(plain("runtime.test_flow_ask_name"));
            ali.sends("Ali").awaitReplyContaining(plain("runtime.test_flow_ask_city"));
        }
        try (TestApp app = TestApp.on(db, api).with(TestFlows.class).start()) {
            ali.sends("Tabriz").awaitReplyContaining(plain("runtime.test_flow_done", "Ali", "Tabriz"));
        }
    }

    @Test
    void anUpdateDeliveredTwiceIsAppliedOnce() {
        Chatter bob = new Chatter(telegram, 3005, "Bob");
        int update;
        try (TestApp app = TestApp.on(db, api).with(TestFlows.class).start()) {
            bob.sends("/echo");
            update = telegram.injectText(bob.user(), "x");
            bob.awaitReplyContaining("x");
        }
        // The messenger hands the same update out again (as after a lost acknowledgement): a new session sees it.
        telegram.redeliver(update);
        try (TestApp app = TestApp.on(db, api).with(TestFlows.class).start()) {
            await().atMost(Duration.ofSeconds(10)).until(() -> telegram.pendingUpdates() == 0);
            bob.sends("y").awaitReplyContaining("y");
            List<String> echoes = telegram.messages(bob.chatId()).stream().map(m -> m.plainText()).toList();
            assertThat(echoes).containsExactly(plain("runtime.test_flow_done", "x", "1"),
                    plain("runtime.test_flow_done", "y", "2"));
            assertThat(app.jdbc().queryForObject("SELECT count(*) FROM inbox_update WHERE chat_key = 'T:3005'",
                    Integer.class)).isEqualTo(3);
        }
    }

    @Test
    void anUpdateStoredButNotProcessedIsProcessedAfterRestart() throws Exception {
        try (TestApp app = TestApp.on(db, api).with(TestFlows.class).start()) {
            // the schema exists now; the application is stopped before the update below is stored
        }
        Inbound stranded = new Inbound(Platform.TELEGRAM, 987_654, Inbound.Kind.MESSAGE, 3002, ChatType.PRIVATE, null,
                3002, "Sara", null, 1, "/help", null, null, null, null, List.of(), null);
        try (Connection c = DriverManager.getConnection(db.url(), db.username(), db.password())) {
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement p = c.prepareStatement("INSERT INTO conversation (chat_key, platform, chat_id, "
                    + "chat_type, updated_at) VALUES ('T:3002', 'TELEGRAM', 3002, 'PRIVATE', ?)")) {
                p.setTimestamp(1, now);
                p.executeUpdate();
            }
            try (PreparedStatement p = c.prepareStatement("INSERT INTO inbox_update (platform, update_id, chat_key, "
                    + "payload, status, received_at) VALUES ('TELEGRAM', 987654, 'T:3002', ?, 'PENDING', ?)")) {
                p.setString(1, InboxStore.toJson(stranded));
                p.setTimestamp(2, now);
                p.executeUpdate();
            }
        }
        try (TestApp app = TestApp.on(db, api).with(TestFlows.class).start()) {
            assertThat(telegram.awaitMessages(3002, 1, Duration.ofSeconds(15)).get(0).plainText())
                    .isEqualTo(plain("runtime.help"));
            assertThat(app.jdbc().queryForObject("SELECT status FROM inbox_update WHERE update_id = 987654",
                    String.class)).isEqualTo("DONE");
        }
    }

    @Test
    void webhookModeRefusesAWrongSecretAndServesTheRightOne() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String secret = "a-webhook-secret-of-enough-length";
        try (TestApp app = TestApp.on(db, api).with(TestFlows.class)
                .property("server.port", port)
                .property("hamyar.webhook.base-url", "http://127.0.0.1:" + port)
                .property("hamyar.webhook.secret", secret)
                .start()) {
            assertThat(telegram.webhookUrl()).contains("http://127.0.0.1:" + port + "/webhook/telegram");
            String update = "{\"update_id\":5,\"message\":{\"message_id\":1,\"date\":1700000000,\"chat\":{\"id\":3003,"
                    + "\"type\":\"private\"},\"from\":{\"id\":3003,\"is_bot\":false,\"first_name\":\"Eve\"},\"text\":\"/help\"}}";
            HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/webhook/telegram"))
                    .header("X-Telegram-Bot-Api-Secret-Token", "wrong-secret-wrong-secret")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(update)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(app.jdbc().queryForObject("SELECT count(*) FROM inbox_update", Integer.class)).isZero();

            Chatter frank = new Chatter(telegram, 3004, "Frank");
            frank.sends("/help");
            assertThat(frank.awaitReply().plainText()).isEqualTo(plain("runtime.help"));
        }
    }
}
