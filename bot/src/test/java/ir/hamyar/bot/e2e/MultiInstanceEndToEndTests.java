package ir.hamyar.bot.e2e;

import ir.hamyar.bot.fakeapi.FakeBot;
import ir.hamyar.bot.fakeapi.FakeBotApi;
import ir.hamyar.bot.fakeapi.Flavor;
import ir.hamyar.bot.fakeapi.SentMessage;
import ir.hamyar.messages.ChatText;
import ir.hamyar.messages.Texts;
import ir.hamyar.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application instances on one database behind a (simulated) load balancer in webhook mode: updates of one
 * chat arrive alternately at both, and are still applied once each, strictly in order.
 */
class MultiInstanceEndToEndTests {

    static final String SECRET = "multi-instance-secret-0123456789";

    @Test
    void twoInstancesKeepEachChatsOrderAndApplyEveryUpdateOnce() throws Exception {
        FakeBotApi api = FakeBotApi.start(0);
        FakeBot telegram = api.bot(TestApp.TELEGRAM_TOKEN, Flavor.TELEGRAM, "hamyar_test_bot");
        TestPostgres.Database db = TestPostgres.newDatabase("multi");
        int portA = freePort();
        int portB = freePort();
        try (TestApp a = instance(db, api, portA, "a"); TestApp b = instance(db, api, portB, "b")) {
            HttpClient http = HttpClient.newHttpClient();
            int chats = 10;
            int perChat = 20;
            AtomicInteger updateIds = new AtomicInteger(1000);
            ExecutorService clients = Executors.newFixedThreadPool(8);
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < chats; c++) {
                long chat = 50_000 + c;
                done.add(clients.submit(() -> {
                    for (int n = 0; n <= perChat; n++) {
                        String text = n == 0 ? "/echo" : "m" + n;
                        int port = n % 2 == 0 ? portA : portB; // the balancer alternates between instances
                        post(http, port, update(updateIds.incrementAndGet(), chat, text));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            clients.shutdown();
            for (int c = 0; c < chats; c++) {
                long chat = 50_000 + c;
                List<SentMessage> replies = telegram.awaitMessages(chat, perChat, Duration.ofSeconds(90));
                List<String> expected = new ArrayList<>();
                for (int n = 1; n <= perChat; n++) {
                    expected.add(ChatText.htmlToPlain(Texts.get(Texts.FA, "runtime.test_flow_done", "m" + n, String.valueOf(n))));
                }
                assertThat(replies.stream().map(SentMessage::plainText).toList()).containsExactlyElementsOf(expected);
            }
            assertThat(a.jdbc().queryForObject("SELECT count(*) FROM inbox_update WHERE status = 'DONE'", Integer.class))
                    .isEqualTo(chats * (perChat + 1));
        } finally {
            api.close();
        }
    }

    static TestApp instance(TestPostgres.Database db, FakeBotApi api, int port, String name) {
        return TestApp.on(db, api).with(TestFlows.class)
                .property("server.port", port)
                .property("hamyar.webhook.base-url", "http://127.0.0.1:" + port)
                .property("hamyar.webhook.secret", SECRET)
                .property("hamyar.outbound.instance-id", name)
                .property("hamyar.outbound.chat-per-second", "100")
                .property("hamyar.outbound.chat-burst", "100")
                .property("hamyar.outbound.bot-per-second", "5000")
                .property("hamyar.outbound.bot-burst", "5000")
                .start();
    }

    static String update(int id, long chat, String text) {
        return "{\"update_id\":" + id + ",\"message\":{\"message_id\":" + id + ",\"date\":1700000000,\"chat\":{\"id\":" + chat
                + ",\"type\":\"private\"},\"from\":{\"id\":" + chat + ",\"is_bot\":false,\"first_name\":\"U\"},"
                + "\"text\":\"" + text + "\"}}";
    }

    static void post(HttpClient http, int port, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhook/telegram"))
                .header("X-Telegram-Bot-Api-Secret-Token", SECRET).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
