package ir.hamyar.bot.e2e;

import ir.hamyar.bot.fakeapi.Call;
import ir.hamyar.bot.fakeapi.FakeBot;
import ir.hamyar.bot.fakeapi.FakeBotApi;
import ir.hamyar.bot.fakeapi.Flavor;
import ir.hamyar.bot.fakeapi.SentMessage;
import ir.hamyar.bot.scenario.Chatter;
import ir.hamyar.messages.ChatText;
import ir.hamyar.messages.Texts;
import ir.hamyar.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The messenger runtime end to end: the real application and the real TelegramBots client against the fake
 * Bot API, on PostgreSQL. Tests that need no restart share one application; each uses its own users.
 */
class RuntimeEndToEndTests {

    static FakeBotApi api;
    static FakeBot telegram;
    static FakeBot bale;
    static TestApp app;

    @BeforeAll
    static void startApp() {
        api = FakeBotApi.start(0);
        telegram = api.bot(TestApp.TELEGRAM_TOKEN, Flavor.TELEGRAM, "hamyar_test_bot");
        bale = api.bot(TestApp.BALE_TOKEN, Flavor.BALE, "hamyar_test_bale_bot");
        app = TestApp.on(TestPostgres.newDatabase("runtime"), api).withBale(api)
                .with(TestFlows.class, TestFlows.MovableClock.class)
                .property("hamyar.outbound.chat-per-second", "50")
                .property("hamyar.outbound.chat-burst", "50")
                .property("hamyar.outbound.bot-per-second", "2000")
                .start();
    }

    @AfterAll
    static void stopApp() {
        app.close();
        api.close();
    }

    static String plain(String key, Object... args) {
        return ChatText.htmlToPlain(Texts.get(Texts.FA, key, args));
    }

    @Test
    void answersStartInPersian() {
        Chatter alice = new Chatter(telegram, 1001, "Alice");
        alice.sends("/start");
        SentMessage first = alice.awaitReply();
        assertThat(first.plainText()).isEqualTo(plain("runtime.greeting"));
        assertThat(first.plainText()).containsPattern("[\\u0600-\\u06FF]");
    }

    @Test
    void keepsOrderPerChatWhileChatsRunConcurrently() throws Exception {
        int chats = 100;
        int perChat = 20;
        List<Chatter> people = new ArrayList<>();
        for (int i = 0; i < chats; i++) {
            Chatter c = new Chatter(telegram, 20_000 + i, "User" + i);
            c.sends("/echo");
            people.add(c);
        }
        ExecutorService senders = Executors.newFixedThreadPool(16);
        for (Chatter c : people) {
            senders.execute(() -> {
                for (int n = 1; n <= perChat; n++) {
                    telegram.injectText(c.user(), "m" + n);
                }
            });
        }
        senders.shutdown();
        assertThat(senders.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        for (Chatter c : people) {
            List<SentMessage> replies = telegram.awaitMessages(c.chatId(), perChat, Duration.ofSeconds(60));
            List<String> expected = new ArrayList<>();
            for (int n = 1; n <= perChat; n++) {
                expected.add(plain("runtime.test_flow_done", "m" + n, String.valueOf(n)));
            }
            assertThat(replies.stream().map(SentMessage::plainText).toList()).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void honoursRetryAfterForTheWholeBot() {
        Chatter carol = new Chatter(telegram, 1003, "Carol");
        telegram.failNext("sendMessage", 1, 429, 2);
        carol.sends("/help");
        carol.awaitReply();
        List<Call> sends = telegram.calls("sendmessage");
        Call refused = sends.stream().filter(c -> c.status() == 429).findFirst().orElseThrow();
        Instant allowedFrom = refused.at().plusSeconds(2);
        assertThat(sends.stream().filter(c -> c.at().isAfter(refused.at()) && c.at().isBefore(allowedFrom)))
                .as("no call to the messenger inside retry_after").isEmpty();
    }

    @Test
    void callsTheMessengerManyAtATimeNotFiveAsOkHttpWouldPerHost() {
        // Every answer takes 2 s: the calls made before the first answer came are the calls running at once.
        telegram.delay("sendMessage", Duration.ofSeconds(2));
        try {
            List<Chatter> people = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                Chatter c = new Chatter(telegram, 30_000 + i, "Many" + i);
                c.sends("/help");
                people.add(c);
            }
            people.forEach(c -> c.awaitReplyContaining(plain("runtime.help")));
            List<Call> calls = telegram.calls("sendmessage").stream()
                    .filter(c -> c.chatId() != null && c.chatId() >= 30_000 && c.chatId() < 30_012)
                    .sorted(java.util.Comparator.comparing(Call::at)).toList();
            Instant firstAnswered = calls.get(0).at().plusSeconds(2);
            assertThat(calls.stream().filter(c -> c.at().isBefore(firstAnswered)).count())
                    .as("calls in flight at once").isGreaterThan(5);
        } finally {
            telegram.clearFaults();
        }
    }

    @Test
    void keepsItsConnectionsToTheMessengerOpenBetweenBusyMoments() {
        // 12 sends at once, twice, with a pause between: the second round reuses the first round's connections
        // (OkHttp's default pool would have closed all but 5 of them as soon as they fell idle).
        telegram.delay("sendMessage", Duration.ofMillis(500));
        try {
            java.util.Set<Integer> first = new java.util.HashSet<>(sendsAtOnce(31_000));
            java.util.Set<Integer> second = new java.util.HashSet<>(sendsAtOnce(31_100));
            assertThat(first).as("connections of the first round").hasSizeGreaterThan(5);
            // New connections are needed only where the second round ran more calls at once than the first (plus a
            // little slack for other calls in flight); the default pool would have closed all of the first's but 5.
            long opened = second.stream().filter(port -> !first.contains(port)).count();
            assertThat(opened).as("connections opened anew for the second round")
                    .isLessThanOrEqualTo(Math.max(0, second.size() - first.size()) + 2);
        } finally {
            telegram.clearFaults();
        }
    }

    /** The client ports (connections) of 12 replies sent at once to 12 new chats from {@code firstChat} on. */
    private List<Integer> sendsAtOnce(long firstChat) {
        List<Chatter> people = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Chatter c = new Chatter(telegram, firstChat + i, "Conn" + i);
            c.sends("/help");
            people.add(c);
        }
        people.forEach(c -> c.awaitReplyContaining(plain("runtime.help")));
        return telegram.calls("sendmessage").stream()
                .filter(c -> c.chatId() != null && c.chatId() >= firstChat && c.chatId() < firstChat + 12)
                .map(Call::clientPort).toList();
    }

    @Test
    void recordsAChatThatBlockedTheBot() {
        Chatter dave = new Chatter(telegram, 1004, "Dave");
        telegram.forbidChat(dave.chatId());
        dave.sends("/help");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(app.jdbc().queryForObject(
                "SELECT count(*) FROM conversation WHERE chat_key = 'T:1004' AND unreachable_at IS NOT NULL",
                Integer.class)).isEqualTo(1));
    }

    @Test
    void servesTelegramAndBaleAtOnceWithPlainTextOnBale() {
        Chatter tg = new Chatter(telegram, 1005, "Tara");
        Chatter bl = new Chatter(bale, 1005, "Bahar");
        tg.sends("/help");
        bl.sends("/help");
        SentMessage onTelegram = tg.awaitReply();
        SentMessage onBale = bl.awaitReply();
        assertThat(onTelegram.parseMode()).isEqualToIgnoringCase("HTML");
        assertThat(onBale.parseMode()).isNull();
        assertThat(onBale.text()).isEqualTo(onTelegram.plainText());
        assertThat(bale.parseModeSeen()).isFalse();
    }

    @Test
    void anUnfinishedFormExpiresPolitely() {
        Chatter ehsan = new Chatter(telegram, 1006, "Ehsan");
        ehsan.sends("/testflow").awaitReplyContaining(plain("runtime.test_flow_ask_name"));
        TestFlows.MovableClock.CLOCK.advance(java.time.Duration.ofHours(7));
        ehsan.sends("Ehsan").awaitReplyContaining(plain("runtime.expired"));
        assertThat(app.jdbc().queryForObject("SELECT flow FROM conversation WHERE chat_key = 'T:1006'", String.class)).isNull();
    }

    @Test
    void aFailingFlowIsRolledBackTheUserGetsAnApologyAndTheWorkerCarriesOn() {
        Chatter farid = new Chatter(telegram, 1007, "Farid");
        farid.sends("/boom").awaitReplyContaining(plain("runtime.test_flow_ask_name"));
        farid.sends("0912 my number").awaitReplyContaining(plain("runtime.error_generic"));
        assertThat(farid.lastReply().plainText()).doesNotContain("Exception").doesNotContain("0912");
        assertThat(app.jdbc().queryForObject("SELECT status FROM inbox_update WHERE chat_key = 'T:1007' ORDER BY id DESC LIMIT 1",
                String.class)).isEqualTo("FAILED");
        assertThat(app.jdbc().queryForObject("SELECT flow FROM conversation WHERE chat_key = 'T:1007'", String.class)).isNull();
        farid.sends("/help").awaitReplyContaining(plain("runtime.help"));
    }

    @Test
    void registersCommandsInPersianAndEnglish() {
        assertThat(telegram.commands()).containsKeys("", "en");
        assertThat(telegram.commands().get("").get(0).description()).containsPattern("[\\u0600-\\u06FF]");
    }
}
