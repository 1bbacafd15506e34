package ir.hamyar.bot.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.hamyar.bot.HamyarApplication;
import ir.hamyar.messages.ChatText;
import ir.hamyar.messages.Texts;
import ir.hamyar.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The zero-setup run: no token configured, so the real application starts its in-process fake Bot API, and a
 * person using only the sandbox's HTTP API (as the web page does) talks to the real bots.
 */
class SandboxEndToEndTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(15);

    static ConfigurableApplicationContext app;
    static String base;
    static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void startInSandboxMode() {
        TestPostgres.Database db = TestPostgres.newDatabase("sandbox");
        app = SpringApplication.run(HamyarApplication.class,
                "--spring.datasource.url=" + db.url(),
                "--spring.datasource.username=" + db.username(),
                "--spring.datasource.password=" + db.password(),
                "--server.port=0",
                "--hamyar.telegram.token=",
                "--hamyar.bale.token=",
                "--hamyar.poll-timeout=2s",
                "--hamyar.runtime.sweep-interval=100ms");
        base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static String plain(String key, Object... args) {
        return ChatText.htmlToPlain(Texts.get(Texts.FA, key, args));
    }

    @Test
    void aNewTelegramUserSendsStartAndReadsThePersianGreeting() throws Exception {
        long id = post("/sandbox/api/telegram/users", "{\"firstName\":\"Sara\",\"languageCode\":\"fa\"}")
                .get("id").asLong();

        post("/sandbox/api/telegram/chats/" + id + "/text", "{\"userId\":" + id + ",\"text\":\"/start\"}");

        JsonNode greeting = awaitBotMessage("telegram", id,
                m -> ChatText.htmlToPlain(m.get("text").asText()).equals(plain("runtime.greeting")));
        assertThat(greeting.get("parseMode").asText()).isEqualTo("HTML");
        assertThat(greeting.get("text").asText()).containsPattern("[\\u0600-\\u06FF]");
    }

    @Test
    void aBaleUserGetsThePlainGreetingTapsAcceptAndSharesTheNumber() throws Exception {
        long id = post("/sandbox/api/bale/users", "{\"firstName\":\"Dana\"}").get("id").asLong();

        post("/sandbox/api/bale/chats/" + id + "/text", "{\"userId\":" + id + ",\"text\":\"/start\"}");
        JsonNode greeting = awaitBotMessage("bale", id, m -> m.get("text").asText().equals(plain("runtime.greeting")));
        assertThat(greeting.get("parseMode").isNull()).isTrue();

        JsonNode terms = awaitBotMessage("bale", id, m -> hasInlineButton(m, plain("membership.terms_accept")));
        String data = inlineData(terms, plain("membership.terms_accept"));
        post("/sandbox/api/bale/chats/" + id + "/tap",
                "{\"userId\":" + id + ",\"messageId\":" + terms.get("messageId").asInt() + ",\"data\":\"" + data + "\"}");

        awaitBotMessage("bale", id, m -> m.get("text").asText().equals(plain("membership.ask_phone")));
        JsonNode keyboard = get("/sandbox/api/bale/chats/" + id + "/messages").get("replyKeyboard");
        assertThat(keyboard.findValues("requestContact")).anyMatch(JsonNode::asBoolean);

        post("/sandbox/api/bale/chats/" + id + "/contact", "{\"userId\":" + id + ",\"phone\":\"989121230001\"}");
        awaitBotMessage("bale", id, m -> m.get("text").asText().equals(plain("membership.ask_name")));
        assertThat(app.getBean(Sandbox.class).api().bot(SandboxConfiguration.BALE_TOKEN).parseModeSeen()).isFalse();
    }

    @Test
    void servesThePageAtSandboxAndLeadsTheRootThere() throws Exception {
        HttpResponse<String> root = http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/sandbox"));

        for (String path : new String[]{"/sandbox", "/sandbox/"}) {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.body()).contains("dir=\"rtl\"", "lang=\"fa\"", "/sandbox/sandbox.js");
        }
        HttpResponse<String> script = http.send(HttpRequest.newBuilder(URI.create(base + "/sandbox/sandbox.js")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(script.statusCode()).isEqualTo(200);
    }

    @Test
    void answersBadInputWithAJsonErrorAndNoStackTrace() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/sandbox/api/telegram/users"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"firstName\":")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("error").asText()).isEqualTo("bad_request");
        assertThat(response.body()).doesNotContain("Exception", "\tat ");
    }

    // ---------------------------------------------------------------- helpers

    static boolean hasInlineButton(JsonNode message, String label) {
        return message.get("inlineKeyboard").findValues("label").stream().anyMatch(l -> l.asText().equals(label));
    }

    static String inlineData(JsonNode message, String label) {
        for (JsonNode row : message.get("inlineKeyboard")) {
            for (JsonNode button : row) {
                if (button.get("label").asText().equals(label)) {
                    return button.get("data").asText();
                }
            }
        }
        throw new AssertionError("no button " + label);
    }

    /** Follows the chat with long polls, as the page does, until the bot sent a matching message. */
    static JsonNode awaitBotMessage(String platform, long chatId, Predicate<JsonNode> matching) throws Exception {
        long deadline = System.nanoTime() + REPLY_TIMEOUT.toNanos();
        String path = "/sandbox/api/" + platform + "/chats/" + chatId + "/messages";
        JsonNode state = get(path);
        while (true) {
            for (JsonNode m : state.get("messages")) {
                if (m.get("from").asText().equals("bot") && matching.test(m)) {
                    return m;
                }
            }
            if (System.nanoTime() > deadline) {
                fail("no matching bot message in " + platform + " chat " + chatId + "; the chat is " + get(path));
            }
            state = get(path + "?wait=2&since=" + state.get("revision").asLong() + "&own=" + state.get("own").asLong());
        }
    }

    static JsonNode get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    static JsonNode post(String path, String json) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
        return JSON.readTree(response.body());
    }
}
