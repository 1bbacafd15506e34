package ir.hamyar.bot.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.hamyar.bot.fakeapi.FakeBot;
import ir.hamyar.bot.fakeapi.FakeBotApi;
import ir.hamyar.bot.fakeapi.Flavor;
import ir.hamyar.bot.scenario.Chatter;
import ir.hamyar.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Issue 10: health (liveness, readiness and each component) and the Prometheus metrics of a running bot. */
class OperationsEndToEndTests {

    static final int BACKLOG_THRESHOLD = 5;

    static FakeBotApi api;
    static FakeBot telegram;
    static FakeBot bale;
    static TestApp app;
    static final HttpClient http = HttpClient.newHttpClient();
    static final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void startApp() {
        api = FakeBotApi.start(0);
        telegram = api.bot(TestApp.TELEGRAM_TOKEN, Flavor.TELEGRAM, "hamyar_test_bot");
        bale = api.bot(TestApp.BALE_TOKEN, Flavor.BALE, "hamyar_test_bale_bot");
        app = TestApp.on(TestPostgres.newDatabase("operations"), api).withBale(api)
                .property("hamyar.health.bot-check-interval", "200ms")
                .property("hamyar.health.figures-cache", "0s")
                .property("hamyar.health.inbox-backlog-threshold", BACKLOG_THRESHOLD)
                .property("hamyar.outbound.chat-per-second", "50")
                .property("hamyar.outbound.chat-burst", "50")
                .start();
    }

    @AfterAll
    static void stopApp() {
        app.close();
        api.close();
    }

    record Answer(int status, String body) {
        JsonNode json() {
            try {
                return OperationsEndToEndTests.json.readTree(body);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        String component(String name) {
            return json().path("components").path(name).path("status").asText("MISSING");
        }
    }

    static Answer get(String path) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body());
        } catch (Exception e) {
            throw new AssertionError(path, e);
        }
    }

    static Answer awaitHealth(String path, Predicate<Answer> condition) {
        Answer[] last = new Answer[1];
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            last[0] = get(path);
            assertThat(condition).as(last[0].body()).accepts(last[0]);
        });
        return last[0];
    }

    @Test
    void healthShowsTheDatabaseEachBotAndTheInboxUp() {
        Answer health = awaitHealth("/actuator/health", a -> "UP".equals(a.component("telegram"))
                && "UP".equals(a.component("bale")));
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asText()).isEqualTo("UP");
        for (String component : new String[]{"db", "telegram", "bale", "inbox", "workers"}) {
            assertThat(health.component(component)).as(component).isEqualTo("UP");
        }
        assertThat(health.json().at("/components/telegram/details/bot").asText()).isEqualTo("@hamyar_test_bot");
        assertThat(health.json().at("/components/inbox/details/threshold").asLong()).isEqualTo(BACKLOG_THRESHOLD);
        assertThat(health.body()).doesNotContain(TestApp.TELEGRAM_TOKEN).doesNotContain(TestApp.BALE_TOKEN);

        Answer readiness = get("/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().path("components").fieldNames()).toIterable()
                .contains("db", "telegram", "bale", "inbox", "readinessState").doesNotContain("livenessState");
        Answer liveness = get("/actuator/health/liveness");
        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.json().path("components").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("livenessState", "workers");
    }

    @Test
    void aBotWhoseApiAnswers500IsDownAndTheInstanceNotReadyUntilItAnswersAgain() {
        awaitHealth("/actuator/health", a -> "UP".equals(a.component("bale")));
        bale.failNext("getMe", 10_000, 500, null);
        try {
            Answer readiness = awaitHealth("/actuator/health/readiness", a -> "DOWN".equals(a.component("bale")));
            assertThat(readiness.status()).isEqualTo(503);
            assertThat(readiness.json().at("/components/bale/details/error").asText()).isEqualTo("HTTP 500");
            assertThat(readiness.component("telegram")).isEqualTo("UP");
            assertThat(get("/actuator/health/liveness").status()).isEqualTo(200);
        } finally {
            bale.clearFaults();
        }
        assertThat(awaitHealth("/actuator/health/readiness", a -> "UP".equals(a.component("bale"))).status())
                .isEqualTo(200);
    }

    @Test
    void readinessIsDownWhileTheInboxBacklogExceedsTheThreshold() throws Exception {
        Chatter stuck = new Chatter(telegram, 7101, "Stuck");
        stuck.sends("/start").awaitReply();
        // Hold the chat's lock as a busy worker elsewhere would: its next updates wait in the inbox.
        try (Connection held = app.jdbc().getDataSource().getConnection()) {
            held.setAutoCommit(false);
            try (PreparedStatement lock = held.prepareStatement(
                    "SELECT chat_key FROM conversation WHERE chat_key = 'T:7101' FOR UPDATE")) {
                lock.executeQuery().close();
            }
            for (int i = 0; i <= BACKLOG_THRESHOLD; i++) {
                telegram.injectText(stuck.user(), "/help");
            }
            Answer readiness = awaitHealth("/actuator/health/readiness", a -> "DOWN".equals(a.component("inbox")));
            assertThat(readiness.status()).isEqualTo(503);
            assertThat(readiness.json().at("/components/inbox/details/backlog").asLong()).isGreaterThan(BACKLOG_THRESHOLD);
            assertThat(get("/actuator/health/liveness").status()).isEqualTo(200);
            held.rollback();
        }
        Answer ready = awaitHealth("/actuator/health/readiness", a -> "UP".equals(a.component("inbox")));
        assertThat(ready.status()).isEqualTo(200);
    }

    @Test
    void prometheusShowsTheUpdateMessageAndBacklogMetricsAfterTraffic() {
        Chatter tina = new Chatter(telegram, 7201, "Tina");
        tina.sends("/start").awaitReply();
        tina.sends("/help").awaitReply();
        Chatter bahar = new Chatter(bale, 7202, "Bahar");
        bahar.sends("/start").awaitReply();
        telegram.failNext("sendMessage", 1, 429, 1);
        tina.sends("/help").awaitReply();

        String metrics = await().atMost(Duration.ofSeconds(10)).until(() -> get("/actuator/prometheus").body(),
                body -> body.contains("hamyar_messages_rate_limited_total{platform=\"telegram\"} 1.0"));
        assertThat(counter(metrics, "hamyar_updates_received_total{platform=\"telegram\"}")).isGreaterThanOrEqualTo(3);
        assertThat(counter(metrics, "hamyar_updates_received_total{platform=\"bale\"}")).isGreaterThanOrEqualTo(1);
        assertThat(counter(metrics, "hamyar_updates_processed_total{platform=\"telegram\"}")).isGreaterThanOrEqualTo(3);
        assertThat(counter(metrics, "hamyar_updates_processed_total{platform=\"bale\"}")).isGreaterThanOrEqualTo(1);
        assertThat(counter(metrics, "hamyar_messages_sent_total{platform=\"telegram\"}")).isGreaterThanOrEqualTo(3);
        assertThat(metrics).contains("hamyar_updates_latency_seconds_bucket{", "hamyar_updates_failed_total{platform=\"telegram\"}",
                "hamyar_inbox_backlog ", "hamyar_conversations_active ", "hamyar_broadcast_pending ",
                "hamyar_outbox_pending ", "hamyar_updates_active_chats ");
    }

    /** The value of one sample line, e.g. {@code name{platform="telegram"} 3.0}. */
    static double counter(String metrics, String sample) {
        return metrics.lines().filter(l -> l.startsWith(sample + " ")).findFirst()
                .map(l -> Double.parseDouble(l.substring(sample.length() + 1).trim()))
                .orElseThrow(() -> new AssertionError("no sample " + sample + " in\n" + metrics));
    }
}
