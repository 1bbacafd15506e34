package ir.hamyar.bot.e2e;

import io.micrometer.core.instrument.MeterRegistry;
import ir.hamyar.bot.fakeapi.FakeBot;
import ir.hamyar.bot.fakeapi.FakeBotApi;
import ir.hamyar.bot.fakeapi.Flavor;
import ir.hamyar.bot.fakeapi.SentMessage;
import ir.hamyar.bot.runtime.ChatType;
import ir.hamyar.bot.runtime.Inbound;
import ir.hamyar.bot.runtime.InboundGuard;
import ir.hamyar.bot.runtime.Reply;
import ir.hamyar.bot.runtime.Session;
import ir.hamyar.bot.runtime.conversation.UpdateProcessor;
import ir.hamyar.bot.runtime.conversation.UpdateProcessor.Result;
import ir.hamyar.bot.runtime.inbox.InboxStore;
import ir.hamyar.domain.shared.Platform;
import ir.hamyar.messages.ChatText;
import ir.hamyar.messages.Texts;
import ir.hamyar.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Group commit: the updates of several chats applied in one transaction ({@link UpdateProcessor#processBatch}).
 * Updates are stored without being signalled (the sweep is set to an hour) and the batch is run by the test, so
 * what one call does is seen exactly: one transaction for all chats, each chat's updates in order and once, and
 * a failing update rolling the batch back and the chats being applied one by one instead.
 */
class BatchedApplyTests {

    static FakeBotApi api;
    static FakeBot telegram;
    static TestApp app;
    static final AtomicLong UPDATE_IDS = new AtomicLong(7_000_000);

    @BeforeAll
    static void startApp() {
        api = FakeBotApi.start(0);
        telegram = api.bot(TestApp.TELEGRAM_TOKEN, Flavor.TELEGRAM, "hamyar_test_bot");
        app = TestApp.on(TestPostgres.newDatabase("batched"), api).with(TestFlows.class, PlanModeProbe.class)
                .property("hamyar.runtime.sweep-interval", "1h")
                .property("hamyar.outbound.chat-per-second", "50")
                .property("hamyar.outbound.chat-burst", "50")
                .start();
    }

    @AfterAll
    static void stopApp() {
        app.close();
        api.close();
    }

    @Test
    void appliesManyChatsInOneTransactionEachInOrderAndOnce() {
        List<String> chats = chats(40_000, 20);
        store(chats, "/echo");
        assertThat(process(chats)).allSatisfy((k, r) -> assertThat(r).isEqualTo(Result.DRAINED));
        double batchesBefore = batches();
        for (int n = 1; n <= 3; n++) {
            store(chats, "m" + n);
        }

        Map<String, Result> results = process(chats);

        assertThat(results).hasSize(20).allSatisfy((k, r) -> assertThat(r).isEqualTo(Result.DRAINED));
        assertThat(batches() - batchesBefore).as("one transaction for the 60 updates of 20 chats").isEqualTo(1);
        assertThat(app.jdbc().queryForObject("SELECT count(*) FROM inbox_update WHERE chat_key LIKE 'T:4000%' "
                + "AND status <> 'DONE'", Integer.class)).isZero();
        for (String key : chats) {
            long chatId = Long.parseLong(key.substring(2));
            assertThat(telegram.awaitMessages(chatId, 3, Duration.ofSeconds(20)).stream().map(SentMessage::plainText))
                    .containsExactly(echo("m1", 1), echo("m2", 2), echo("m3", 3));
        }
    }

    @Test
    void aFailingUpdateRollsTheBatchBackAndItsChatsAreAppliedOneByOne() {
        List<String> chats = chats(41_000, 10);
        store(chats, "/echo");
        process(chats);
        String failing = "T:41100";
        store(List.of(failing), "/boom");
        process(List.of(failing));
        double batchesBefore = batches();
        store(chats, "m1");
        store(List.of(failing), "anything");
        List<String> all = new ArrayList<>(chats);
        all.add(5, failing);

        Map<String, Result> results = process(all);

        assertThat(batches() - batchesBefore).as("the batch was rolled back").isZero();
        for (String key : chats) {
            assertThat(results.get(key)).isEqualTo(Result.DRAINED);
            long chatId = Long.parseLong(key.substring(2));
            assertThat(telegram.awaitMessages(chatId, 1, Duration.ofSeconds(20)).stream().map(SentMessage::plainText))
                    .containsExactly(echo("m1", 1));
        }
        assertThat(app.jdbc().queryForObject("SELECT count(*) FROM inbox_update WHERE chat_key LIKE 'T:4100%' "
                + "AND chat_key <> 'T:41100' AND status = 'DONE'", Integer.class)).isEqualTo(20);
        // Alone, the failing update is tried as often as any other (max-attempts), then given up with an apology.
        assertThat(app.jdbc().queryForMap("SELECT status, attempts FROM inbox_update WHERE chat_key = 'T:41100' "
                + "ORDER BY id DESC LIMIT 1")).containsEntry("status", "FAILED").containsEntry("attempts", 3);
        assertThat(telegram.awaitMessages(41_100, 2, Duration.ofSeconds(20)).get(1).plainText())
                .isEqualTo(ChatText.htmlToPlain(Texts.get(Texts.FA, "runtime.error_generic")));
    }

    @Test
    void anUpdateSeesWhatTheChatsPreviousUpdateInTheSameBatchChanged() {
        long user = 42_000;
        Timestamp now = Timestamp.from(Instant.now());
        // a member who accepted terms version 0; version 1 is in force, so the next input asks for it
        app.jdbc().update("INSERT INTO member (status, full_name, phone_e164, phone_verified, national_code, birth_year, "
                + "education, province_id, county_id, terms_version, terms_accepted_at, locale, referral_code, "
                + "created_at, version) SELECT 'ACTIVE', 'Batch Member', '+989120042000', FALSE, '0042000001', 1370, "
                + "'BACHELOR', c.province_id, c.id, '0', ?, 'fa', 'B42000', ?, 0 FROM county c ORDER BY c.id LIMIT 1",
                now, now);
        app.jdbc().update("INSERT INTO member_account (platform, user_id, chat_id, member_id, linked_at, last_seen_at) "
                + "SELECT 'TELEGRAM', ?, ?, id, ?, ? FROM member WHERE national_code = '0042000001'", user, user, now, now);
        String chat = "T:" + user;
        long id = UPDATE_IDS.incrementAndGet();
        app.bean(InboxStore.class).store(List.of(new Inbound(Platform.TELEGRAM, id, Inbound.Kind.CALLBACK, user,
                ChatType.PRIVATE, null, user, "Batch", "fa", 1, null, "terms:accept:1", "cb" + id, null, null, null,
                null)));
        store(List.of(chat), "/invite");
        // other senders in the same batch: the member check then reads the batch's senders in one query
        List<String> others = chats(42_100, 2);
        store(others, "/help");
        List<String> batch = new ArrayList<>(others);
        batch.add(1, chat);

        assertThat(process(batch)).containsEntry(chat, Result.DRAINED);

        // the acceptance (a JPA change) was flushed before /invite's guard read the member with plain SQL, and that
        // guard read it again rather than take what was read for the batch before the acceptance
        List<SentMessage> sent = telegram.awaitMessages(user, 2, Duration.ofSeconds(20));
        assertThat(sent.get(0).plainText()).isEqualTo(ChatText.htmlToPlain(Texts.get(Texts.FA, "membership.terms_thanks")));
        assertThat(sent.get(1).plainText()).contains("ref_B42000");
        assertThat(app.jdbc().queryForObject("SELECT terms_version FROM member WHERE national_code = '0042000001'",
                String.class)).isEqualTo("1");
    }

    @Test
    void anUpdateReceivedHereIsAppliedAsReceivedAndOneFromElsewhereAsStored() {
        List<String> chats = chats(43_000, 2);
        store(chats, "/echo");
        process(chats);
        String here = chats.get(0);
        String elsewhere = chats.get(1);
        Inbound received = message(here, "as received");
        InboxStore inbox = app.bean(InboxStore.class);
        inbox.store(List.of(received));
        // the same update delivered again with other content (never by a real messenger): the first one counts
        inbox.store(List.of(new Inbound(received.platform(), received.updateId(), received.kind(), received.chatId(),
                received.chatType(), null, received.userId(), "User", "fa", received.messageId(), "redelivered", null,
                null, null, null, null, null)));
        // the stored copy changed behind this instance's back: the worker applies what this instance received
        // (this fails if it parses the payload again instead)
        app.jdbc().update("UPDATE inbox_update SET payload = ? WHERE update_id = ?",
                InboxStore.toJson(message(here, "changed in the table")), received.updateId());
        // an update stored by another instance: this one has never seen it, only its payload
        Inbound other = message(elsewhere, "from another instance");
        app.jdbc().update("INSERT INTO inbox_update (platform, update_id, chat_key, payload, status, received_at) "
                + "VALUES ('TELEGRAM', ?, ?, ?, 'PENDING', now())", other.updateId(), elsewhere, InboxStore.toJson(other));

        assertThat(process(chats)).containsEntry(here, Result.DRAINED).containsEntry(elsewhere, Result.DRAINED);

        assertThat(telegram.awaitMessages(43_000, 1, Duration.ofSeconds(20)).stream().map(SentMessage::plainText))
                .containsExactly(echo("as received", 1));
        assertThat(telegram.awaitMessages(43_001, 1, Duration.ofSeconds(20)).stream().map(SentMessage::plainText))
                .containsExactly(echo("from another instance", 1));
    }

    @Test
    void theBatchsOwnStatementsRunWithGenericPlansAndTheFlowsWithTheServersChoice() {
        List<String> chats = chats(44_000, 3);
        PlanModeProbe probe = app.bean(PlanModeProbe.class);
        probe.prepared.clear();
        probe.checked.clear();
        store(chats, "/echo");

        assertThat(process(chats)).allSatisfy((k, r) -> assertThat(r).isEqualTo(Result.DRAINED));

        // PostgreSQL's setting as a guard sees it: the batch's reads (the guards' prepare among them) were planned
        // generically, the flows and guards' checks that followed as the server chooses (TransactionSettings)
        assertThat(probe.prepared).isNotEmpty().containsOnly("force_generic_plan");
        assertThat(probe.checked).hasSize(3).containsOnly("auto");
        // SET LOCAL: nothing of it outlives the batch's transaction on the pooled connections
        for (int i = 0; i < 5; i++) {
            assertThat(app.jdbc().queryForObject("SELECT current_setting('plan_cache_mode')", String.class))
                    .isEqualTo("auto");
        }
    }

    /** A guard that notes PostgreSQL's plan cache mode in the batch's prepare and in each check; it lets all through. */
    static class PlanModeProbe implements InboundGuard {
        final List<String> prepared = new CopyOnWriteArrayList<>();
        final List<String> checked = new CopyOnWriteArrayList<>();
        private final JdbcTemplate jdbc;

        PlanModeProbe(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public void prepare(List<Inbound> batch) {
            prepared.add(mode());
        }

        @Override
        public Optional<List<Reply>> check(Inbound input, Session session, String command, String flow) {
            checked.add(mode());
            return Optional.empty();
        }

        private String mode() {
            return jdbc.queryForObject("SELECT current_setting('plan_cache_mode')", String.class);
        }
    }

    private static Inbound message(String chatKey, String text) {
        long chatId = Long.parseLong(chatKey.substring(2));
        long id = UPDATE_IDS.incrementAndGet();
        return new Inbound(Platform.TELEGRAM, id, Inbound.Kind.MESSAGE, chatId, ChatType.PRIVATE, null, chatId,
                "User" + chatId, "fa", (int) id, text, null, null, null, null, null, null);
    }

    private static List<String> chats(long firstChat, int n) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            keys.add("T:" + (firstChat + i));
        }
        return keys;
    }

    private static void store(List<String> chats, String text) {
        List<Inbound> updates = new ArrayList<>();
        for (String key : chats) {
            updates.add(message(key, text));
        }
        app.bean(InboxStore.class).store(updates);
    }

    private static Map<String, Result> process(List<String> chats) {
        return app.bean(UpdateProcessor.class).processBatch(chats, 10);
    }

    private static double batches() {
        return app.bean(MeterRegistry.class).get("hamyar.updates.batches").counter().count();
    }

    private static String echo(String text, int n) {
        return ChatText.htmlToPlain(Texts.get(Texts.FA, "runtime.test_flow_done", text, String.valueOf(n)));
    }
}
