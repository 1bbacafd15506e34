package ir.hamyar.bot.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.hamyar.bot.config.MessengerEndpoints;
import ir.hamyar.bot.e2e.TestApp;
import ir.hamyar.bot.fakeapi.FakeBot;
import ir.hamyar.bot.fakeapi.FakeBotApi;
import ir.hamyar.bot.fakeapi.Flavor;
import ir.hamyar.bot.scenario.Chatter;
import ir.hamyar.domain.shared.Platform;
import ir.hamyar.messages.ChatText;
import ir.hamyar.messages.Texts;
import ir.hamyar.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * With a token the sandbox is off, decided when the application starts (its beans exist in both modes, as Spring
 * AOT requires): no fake Bot API is started, and nothing of the sandbox is served.
 */
class SandboxOffWithATokenTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    static FakeBotApi api;
    static FakeBot telegram;
    static TestApp app;
    static String base;

    @BeforeAll
    static void startWithAToken() {
        api = FakeBotApi.start(0);
        telegram = api.bot(TestApp.TELEGRAM_TOKEN, Flavor.TELEGRAM, "hamyar_test_bot");
        app = TestApp.on(TestPostgres.newDatabase("sandbox_off"), api).start();
        base = "http://localhost:" + app.port();
    }

    @AfterAll
    static void stop() {
        app.close();
        api.close();
    }

    @Test
    void startsNoFakeBotApiAndRunsTheConfiguredBotOnly() {
        Sandbox sandbox = app.bean(Sandbox.class);
        assertThat(sandbox.on()).isFalse();
        assertThatThrownBy(sandbox::api).isInstanceOf(IllegalStateException.class);
        assertThat(app.bean(MessengerEndpoints.class).endpoints())
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.platform()).isEqualTo(Platform.TELEGRAM);
                    assertThat(e.token()).isEqualTo(TestApp.TELEGRAM_TOKEN);
                    assertThat(e.apiUrl()).isEqualTo(api.baseUrl());
                });

        Chatter sara = new Chatter(telegram, 5001, "Sara").withReplyTimeout(Duration.ofSeconds(15));
        sara.sends("/start");
        assertThat(sara.awaitReply().plainText())
                .isEqualTo(ChatText.htmlToPlain(Texts.get(Texts.FA, "runtime.greeting")));
    }

    @Test
    void answersEverySandboxAddressWithThePlainNotFoundOfAnyUnknownAddress() throws Exception {
        HttpResponse<String> unknown = get("/no-such-page");
        assertThat(unknown.statusCode()).isEqualTo(404);
        List<String> unknownFields = fields(unknown.body());

        List<HttpResponse<String>> answers = new ArrayList<>();
        for (String path : List.of("/sandbox", "/sandbox/", "/sandbox/index.html", "/sandbox/sandbox.js",
                "/sandbox/sandbox.css", "/sandbox/fonts/Vazirmatn-Regular.ttf", "/sandbox/api",
                "/sandbox/api/telegram/users", "/sandbox/api/bale/chats/1001/messages?wait=5")) {
            answers.add(get(path));
        }
        answers.add(http.send(HttpRequest.newBuilder(URI.create(base + "/sandbox/api/telegram/users"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"firstName\":\"Sara\"}")).build(),
                HttpResponse.BodyHandlers.ofString()));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.statusCode()).as(answer.uri().toString()).isEqualTo(404);
            assertThat(fields(answer.body())).as(answer.uri().toString()).isEqualTo(unknownFields);
            assertThat(JSON.readTree(answer.body()).get("error").asText()).isEqualTo("Not Found");
        });
        // the root does not lead to the sandbox either
        assertThat(get("/").statusCode()).isEqualTo(404);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json").GET()
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> fields(String body) throws Exception {
        JsonNode node = JSON.readTree(body);
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
