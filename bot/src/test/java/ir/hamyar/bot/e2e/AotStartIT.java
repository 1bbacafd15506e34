package ir.hamyar.bot.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.hamyar.bot.fakeapi.FakeBot;
import ir.hamyar.bot.fakeapi.FakeBotApi;
import ir.hamyar.bot.fakeapi.Flavor;
import ir.hamyar.bot.resilience.ChildApp;
import ir.hamyar.bot.scenario.Chatter;
import ir.hamyar.messages.ChatText;
import ir.hamyar.messages.Texts;
import ir.hamyar.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar started as the Docker image starts it, with Spring AOT's generated bean definitions
 * ({@code -Dspring.aot.enabled=true}), in each mode a deployment chooses at run time from one build: no token (the
 * sandbox), a token with long polling, a token with a webhook on the zero-setup H2 database. A failsafe test: it
 * needs the jar, so it runs after {@code package} in {@code ./mvnw verify}.
 */
class AotStartIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @TempDir
    Path dir;

    @Test
    void withoutATokenServesTheSandboxAndTheBotAnswersInIt() throws Exception {
        TestPostgres.Database db = TestPostgres.newDatabase("aot_sandbox");
        int port = freePort();
        try (ChildApp app = aot("sandbox").property("server.port", port)
                .property("spring.datasource.url", db.url())
                .property("spring.datasource.username", db.username())
                .property("spring.datasource.password", db.password())
                .property("hamyar.telegram.token", "")
                .property("hamyar.bale.token", "")
                .start()) {
            awaitAotStart(app);
            String base = "http://127.0.0.1:" + port;

            assertThat(send(base, "GET", "/sandbox", null).statusCode()).isEqualTo(200);
            long id = JSON.readTree(send(base, "POST", "/sandbox/api/telegram/users", "{\"firstName\":\"Sara\"}").body())
                    .get("id").asLong();
            assertThat(send(base, "POST", "/sandbox/api/telegram/chats/" + id + "/text",
                    "{\"userId\":" + id + ",\"text\":\"/start\"}").statusCode()).isBetween(200, 201);

            assertThat(awaitBotText(base, id)).isEqualTo(greeting());
        }
    }

    @Test
    void withATokenPollsTheConfiguredBotApiAndServesNoSandbox() throws Exception {
        TestPostgres.Database db = TestPostgres.newDatabase("aot_polling");
        int port = freePort();
        try (FakeBotApi api = FakeBotApi.start(0);
             ChildApp app = aot("polling").property("server.port", port)
                     .property("spring.datasource.url", db.url())
                     .property("spring.datasource.username", db.username())
                     .property("spring.datasource.password", db.password())
                     .property("hamyar.telegram.token", TestApp.TELEGRAM_TOKEN)
                     .property("hamyar.telegram.api-url", api.baseUrl())
                     .property("hamyar.bale.token", "")
                     .property("hamyar.poll-timeout", "2s")
                     .start()) {
            FakeBot telegram = api.bot(TestApp.TELEGRAM_TOKEN, Flavor.TELEGRAM, "hamyar_test_bot");
            awaitAotStart(app);

            Chatter sara = new Chatter(telegram, 7001, "Sara").withReplyTimeout(REPLY_TIMEOUT);
            sara.sends("/start");
            assertThat(sara.awaitReply().plainText()).isEqualTo(greeting());
            assertThat(send("http://127.0.0.1:" + port, "GET", "/sandbox", null).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void withATokenAndAWebhookOnTheDefaultH2DatabaseTakesUpdatesOverHttp() throws Exception {
        int port = freePort();
        String h2 = "jdbc:h2:file:" + dir.resolve("hamyar") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        try (FakeBotApi api = FakeBotApi.start(0);
             ChildApp app = aot("webhook").property("server.port", port)
                     .property("spring.datasource.url", h2)
                     .property("hamyar.telegram.token", TestApp.TELEGRAM_TOKEN)
                     .property("hamyar.telegram.api-url", api.baseUrl())
                     .property("hamyar.bale.token", "")
                     .property("hamyar.webhook.base-url", "http://127.0.0.1:" + port)
                     .property("hamyar.webhook.secret", "aot-webhook-secret-0123456789")
                     .start()) {
            FakeBot telegram = api.bot(TestApp.TELEGRAM_TOKEN, Flavor.TELEGRAM, "hamyar_test_bot");
            awaitAotStart(app);
            assertThat(telegram.webhookUrl()).contains("http://127.0.0.1:" + port + "/webhook/telegram");

            Chatter omid = new Chatter(telegram, 7002, "Omid").withReplyTimeout(REPLY_TIMEOUT);
            omid.sends("/start");
            assertThat(omid.awaitReply().plainText()).isEqualTo(greeting());
            assertThat(app.logText()).containsPattern("Database: jdbc:h2:file:.*\\(H2 ");
        }
    }

    // ---------------------------------------------------------------- helpers

    private ChildApp.Builder aot(String name) {
        Path jar = Path.of(System.getProperty("hamyar.jar", "target/hamyar-bot.jar"));
        assertThat(jar).as("the packaged jar (run after package)").exists();
        return ChildApp.builder().jar(jar)
                .jvmOptions("-Xmx384m", "-XX:+UseSerialGC", "-Dfile.encoding=UTF-8", "-Dspring.aot.enabled=true")
                .log(Path.of("target", "aot-start", name + ".log"));
    }

    /** Started, and from the generated bean definitions rather than by scanning and evaluating conditions. */
    private static void awaitAotStart(ChildApp app) {
        app.awaitStarted(START_TIMEOUT);
        assertThat(app.logText()).contains("Starting AOT-processed HamyarApplication");
    }

    private static String greeting() {
        return ChatText.htmlToPlain(Texts.get(Texts.FA, "runtime.greeting"));
    }

    private static String awaitBotText(String base, long chatId) throws Exception {
        long deadline = System.nanoTime() + REPLY_TIMEOUT.toNanos();
        String path = "/sandbox/api/telegram/chats/" + chatId + "/messages";
        while (System.nanoTime() < deadline) {
            JsonNode state = JSON.readTree(send(base, "GET", path + "?wait=2", null).body());
            for (JsonNode m : state.get("messages")) {
                if (m.get("from").asText().equals("bot")) {
                    return ChatText.htmlToPlain(m.get("text").asText());
                }
            }
        }
        throw new AssertionError("the bot did not answer in the sandbox chat " + chatId);
    }

    private static HttpResponse<String> send(String base, String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
