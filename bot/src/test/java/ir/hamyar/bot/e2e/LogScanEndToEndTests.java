package ir.hamyar.bot.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ir.hamyar.bot.fakeapi.FakeBot;
import ir.hamyar.bot.fakeapi.FakeBotApi;
import ir.hamyar.bot.fakeapi.Flavor;
import ir.hamyar.bot.ops.Retention;
import ir.hamyar.bot.scenario.Chatter;
import ir.hamyar.testing.TestPostgres;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static ir.hamyar.bot.e2e.MembershipEndToEndTests.register;
import static ir.hamyar.bot.e2e.MembershipEndToEndTests.t;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 10: the logs of an end-to-end run (registration, chatting, and the failure paths: 500, 429 and 403 from
 * the Bot API, a failing getUpdates, an unreachable getMe), written as structured JSON the way an operator
 * would collect them, hold no token, phone number, national code, name or message text.
 */
class LogScanEndToEndTests {

    static final Path LOG = Path.of("target", "log-scan", "app.log");

    static final String PHONE = "+989127770042";
    static final String NATIONAL_CODE = "0084575948";
    static final String NAME = "زهره کاویانی";
    static final String SECRET_TEXT = "رمز صندوق امانات ۴۴۱۷";
    static final String LATIN_TEXT = "meet me at Vanak square";
    static final String BALE_PHONE = "989127770043";
    static final String BALE_NATIONAL_CODE = "2740193858";
    static final String BALE_NAME = "Parisa Ahmadzadeh";

    @Test
    void anEndToEndRunLogsNoSecretAndNoPersonalData() throws IOException {
        Files.deleteIfExists(LOG);
        FakeBotApi api = FakeBotApi.start(0);
        FakeBot telegram = api.bot(TestApp.TELEGRAM_TOKEN, Flavor.TELEGRAM, "hamyar_test_bot");
        FakeBot bale = api.bot(TestApp.BALE_TOKEN, Flavor.BALE, "hamyar_test_bale_bot");
        TestApp app = TestApp.on(TestPostgres.newDatabase("logscan"), api).withBale(api)
                .property("logging.file.name", LOG.toString())
                .property("logging.structured.format.file", "ecs")
                .property("logging.level.root", "info")
                .property("hamyar.health.bot-check-interval", "200ms")
                .property("hamyar.outbound.chat-per-second", "50")
                .property("hamyar.outbound.chat-burst", "50")
                .property("hamyar.outbound.backoff-initial", "100ms")
                .start();
        try {
            Chatter zohre = new Chatter(telegram, 8101, "Zohre");
            register(zohre, PHONE, NAME, NATIONAL_CODE);
            Chatter parisa = new Chatter(bale, 8102, "Parisa");
            register(parisa, BALE_PHONE, BALE_NAME, BALE_NATIONAL_CODE);

            // The Bot API fails while the bot answers: a 500 (retried), a 429 (waited out), a 400 (rejected).
            telegram.failNext("sendMessage", 1, 500, null);
            zohre.sends(SECRET_TEXT).awaitReply();
            telegram.failNext("sendMessage", 1, 429, 1);
            zohre.sends(LATIN_TEXT).awaitReply();
            telegram.failNext("sendMessage", 1, 400, null);
            zohre.sends(PHONE);
            zohre.sends(NATIONAL_CODE).awaitReply();
            // The user blocked the bot: 403.
            telegram.forbidChat(zohre.chatId());
            telegram.injectText(zohre.user(), SECRET_TEXT + " again");
            await().atMost(Duration.ofSeconds(10)).until(() -> app.jdbc().queryForObject(
                    "SELECT count(*) FROM conversation WHERE chat_key = 'T:8101' AND unreachable_at IS NOT NULL",
                    Integer.class) == 1);
            telegram.allowChat(zohre.chatId());
            // Long polling and getMe fail for a while.
            bale.failNext("getUpdates", 2, 502, null);
            bale.failNext("getMe", 3, 500, null);
            parisa.sends(SECRET_TEXT).awaitReply();
            parisa.sends("/mydata").awaitReply();
            parisa.sends("/start").awaitReplyMatching(m -> m.replyLabels().contains(t("membership.menu.profile")));
            app.bean(Retention.class).purge();
        } finally {
            app.close();
            api.close();
        }

        List<String> lines = Files.readAllLines(LOG, StandardCharsets.UTF_8);
        List<String> texts = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : lines) {
            JsonNode event = json.readTree(line); // ECS: one JSON object per line
            assertThat(event.has("@timestamp") && event.has("message")).as(line).isTrue();
            texts.add(line);
            texts.add(event.toString());
            event.findValuesAsText("message").forEach(texts::add);
            event.findValuesAsText("stack_trace").forEach(texts::add);
        }
        String all = String.join("\n", texts);
        // The run did log, including the failure paths, so the scan below looks at something.
        assertThat(all).contains("Started HamyarApplication", "BALE long polling failed (HTTP 502)",
                "BALE Bot API not reachable: HTTP 500", "asked to slow down");
        // The library's own getUpdates error lines (exception chains) are off; PollingWatch's line stands in.
        assertThat(all).doesNotContain("GetUpdates Request");

        Map<String, String> forbidden = new LinkedHashMap<>();
        forbidden.put("Telegram token", TestApp.TELEGRAM_TOKEN);
        forbidden.put("Telegram token (URL-encoded)", URLEncoder.encode(TestApp.TELEGRAM_TOKEN, StandardCharsets.UTF_8));
        forbidden.put("Telegram token secret part", "telegram-test");
        forbidden.put("Bale token", TestApp.BALE_TOKEN);
        forbidden.put("Bale token secret part", "bale-test");
        for (String phone : new String[]{PHONE, BALE_PHONE}) {
            String subscriber = phone.substring(phone.indexOf("98") + 2); // 912...: in +98912..., 98912..., 0912...
            forbidden.put("phone " + phone, subscriber);
            forbidden.put("phone " + phone + " (Persian digits)", persianDigits(subscriber));
            forbidden.put("phone " + phone + " (grouped)", subscriber.substring(0, 3) + " " + subscriber.substring(3, 6));
        }
        for (String code : new String[]{NATIONAL_CODE, BALE_NATIONAL_CODE}) {
            forbidden.put("national code " + code, code);
            forbidden.put("national code " + code + " (Persian digits)", persianDigits(code));
        }
        forbidden.put("name", NAME);
        forbidden.put("family name", NAME.split(" ")[1]);
        forbidden.put("Bale name", BALE_NAME);
        forbidden.put("Bale family name", BALE_NAME.split(" ")[1]);
        forbidden.put("message text", SECRET_TEXT);
        forbidden.put("message text (part)", "صندوق امانات");
        forbidden.put("Latin message text", LATIN_TEXT);
        forbidden.put("Latin message text (part)", "Vanak");

        List<String> found = new ArrayList<>();
        forbidden.forEach((what, value) -> {
            for (String line : lines) {
                if (line.contains(value) || unescaped(line).contains(value)) {
                    found.add(what + " in: " + line);
                    break;
                }
            }
        });
        assertThat(found).as("secrets or personal data in %s", LOG.toAbsolutePath()).isEmpty();
    }

    static String persianDigits(String ascii) {
        StringBuilder b = new StringBuilder();
        for (char c : ascii.toCharArray()) {
            b.append(Character.isDigit(c) ? (char) ('۰' + (c - '0')) : c);
        }
        return b.toString();
    }

    /** JSON escapes such as {@code \u0632} undone, in case the writer escaped non-ASCII characters. */
    static String unescaped(String line) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 5 < line.length() && line.charAt(i + 1) == 'u') {
                try {
                    b.append((char) Integer.parseInt(line.substring(i + 2, i + 6), 16));
                    i += 5;
                    continue;
                } catch (NumberFormatException ignored) {
                    // not an escape: keep the backslash
                }
            }
            b.append(c);
        }
        return b.toString();
    }
}
