package ir.hamyar.bot.e2e;

import io.micrometer.core.instrument.MeterRegistry;
import ir.hamyar.bot.fakeapi.Call;
import ir.hamyar.bot.fakeapi.FakeBot;
import ir.hamyar.bot.fakeapi.FakeBotApi;
import ir.hamyar.bot.fakeapi.Flavor;
import ir.hamyar.bot.fakeapi.SentMessage;
import ir.hamyar.bot.flow.broadcast.BroadcastJobs;
import ir.hamyar.testing.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The delivery queue under a real broadcast: thousands of members, 429s, blocked chats, an instance stopped
 * mid-broadcast, two instances on one database. Each test has its own database; broadcasts are started the
 * way the scheduler starts them (a due SCHEDULED row and {@link BroadcastJobs#startDue()}), the flow itself
 * is covered by {@link BroadcastEndToEndTests}.
 */
class BroadcastDeliveryEndToEndTests {

    static final Duration LONG = Duration.ofSeconds(120);

    FakeBotApi api;
    FakeBot telegram;
    TestPostgres.Database db;

    @BeforeEach
    void fakeApi() {
        api = FakeBotApi.start(0);
        telegram = api.bot(TestApp.TELEGRAM_TOKEN, Flavor.TELEGRAM, "hamyar_test_bot");
        db = TestPostgres.newDatabase("bcdelivery");
    }

    @AfterEach
    void closeApi() {
        api.close();
    }

    /** Fast limits, quiet hours off (these tests run at any real hour); no long polling (webhook to nowhere). */
    TestApp.Builder instance(String id, int senderThreads) {
        return TestApp.on(db, api)
                .property("hamyar.webhook.base-url", "http://127.0.0.1:9")
                .property("hamyar.webhook.secret", "a-webhook-secret-of-enough-length")
                .property("hamyar.outbound.instance-id", id)
                .property("hamyar.outbound.sender-threads", senderThreads)
                .property("hamyar.outbound.bot-per-second", "1000")
                .property("hamyar.outbound.bot-burst", "200")
                .property("hamyar.outbound.max-in-flight", "300")
                .property("hamyar.outbound.poll-interval", "100ms")
                .property("hamyar.broadcasting.quiet-start", "00:00")
                .property("hamyar.broadcasting.quiet-end", "00:00")
                .property("hamyar.broadcasting.progress-every", "300ms")
                .property("hamyar.broadcasting.schedule-check-every", "1h");
    }

    static long startBroadcast(TestApp app, String text) {
        JdbcTemplate jdbc = app.jdbc();
        jdbc.update("INSERT INTO broadcast (author_platform, author_user_id, audience_kind, body, status, scheduled_at, "
                + "created_at) VALUES ('TELEGRAM', 9001, 'ALL', ?, 'SCHEDULED', now() - INTERVAL '1 minute', now())", text);
        assertThat(app.bean(BroadcastJobs.class).startDue()).isEqualTo(1);
        return BroadcastSupport.lastBroadcastId(jdbc);
    }

    List<Long> seed(TestApp app, long first, int count) {
        return BroadcastSupport.seedMembers(app.jdbc(), first, count, "TELEGRAM",
                BroadcastSupport.firstCounty(app.jdbc()), null, "fa");
    }

    long messagesWith(long chatId, String text) {
        return telegram.messages(chatId).stream().map(SentMessage::plainText).filter(text::equals).count();
    }

    @Test
    void twoThousandMembersGetTheBroadcastThroughRateLimitsAndBlockedChats() {
        try (TestApp app = instance("solo", 8).start()) {
            List<Long> members = seed(app, 900_001, 2000);
            List<Long> blocked = members.stream().filter(u -> u % 100 == 1).toList();
            blocked.forEach(telegram::forbidChat);
            telegram.failNext("sendMessage", 3, 429, 1);
            String text = "National announcement";
            long id = startBroadcast(app, text);
            BroadcastSupport.awaitStatus(app.jdbc(), id, "DONE", LONG);

            for (long user : members) {
                assertThat(messagesWith(user, text)).as("messages to %s", user).isEqualTo(blocked.contains(user) ? 0 : 1);
            }
            for (long user : blocked) {
                assertThat(app.jdbc().queryForObject("SELECT unreachable_at IS NOT NULL FROM conversation "
                        + "WHERE chat_key = ?", Boolean.class, "T:" + user)).isTrue();
            }
            Map<String, Object> counts = BroadcastSupport.counts(app.jdbc(), id);
            assertThat(counts).containsEntry("queued_count", 2000).containsEntry("sent_count", 1980)
                    .containsEntry("unreachable_count", 20).containsEntry("failed_count", 0);

            List<Call> sends = telegram.calls("sendMessage");
            List<Call> limited = sends.stream().filter(c -> c.status() == 429).toList();
            assertThat(limited).hasSizeGreaterThanOrEqualTo(3);
            // Calls already on the wire when a 429 arrived may land just after it; none may start inside the pause.
            Duration inFlight = Duration.ofMillis(300);
            for (Call refusal : limited) {
                Instant from = refusal.at().plus(inFlight);
                Instant until = refusal.at().plusSeconds(1);
                assertThat(sends).as("calls inside retry_after of the 429 at %s", refusal.at())
                        .noneMatch(c -> c.at().isAfter(from) && c.at().isBefore(until));
            }

            // a second broadcast skips the chats now known to be unreachable
            long second = startBroadcast(app, "Second announcement");
            assertThat(BroadcastSupport.counts(app.jdbc(), second)).containsEntry("queued_count", 1980)
                    .containsEntry("skipped_count", 20);
        }
    }

    @Test
    void anInstanceStoppedMidBroadcastLosesNothingAndDuplicatesAtMostItsCallsInFlight() {
        int senderThreads = 4;
        List<Long> members;
        long id;
        String text = "Survives a crash";
        telegram.delay("sendMessage", Duration.ofMillis(30));
        // a short lease: rows an abruptly stopped instance still held come back quickly
        try (TestApp first = instance("first", senderThreads).property("hamyar.outbound.shutdown-timeout", "20ms")
                .property("hamyar.outbound.lease", "4s").property("hamyar.outbound.max-in-memory-wait", "2s")
                .start()) {
            members = seed(first, 910_001, 600);
            id = startBroadcast(first, text);
            await().atMost(LONG).until(() -> BroadcastSupport.rows(first.jdbc(), id, "SENT") >= 100);
            // closed while calls are on the wire: they are abandoned, their rows go back to the queue
        }
        int sentBefore = (int) members.stream().filter(u -> messagesWith(u, text) > 0).count();
        assertThat(sentBefore).isLessThan(members.size());
        telegram.clearFaults();
        try (TestApp second = instance("second", senderThreads).property("hamyar.outbound.lease", "4s")
                .property("hamyar.outbound.max-in-memory-wait", "2s").start()) {
            BroadcastSupport.awaitStatus(second.jdbc(), id, "DONE", LONG);
            long duplicates = 0;
            for (long user : members) {
                long n = messagesWith(user, text);
                assertThat(n).as("messages to %s", user).isPositive();
                duplicates += n - 1;
            }
            assertThat(duplicates).as("duplicates after the stop").isLessThanOrEqualTo(senderThreads);
            assertThat(BroadcastSupport.counts(second.jdbc(), id)).containsEntry("sent_count", members.size());
        }
    }

    @Test
    void twoInstancesOnOneDatabaseShareABroadcastWithoutDuplicates() {
        try (TestApp a = instance("instance-a", 4).property("hamyar.outbound.bot-per-second", "150").start();
             TestApp b = instance("instance-b", 4).property("hamyar.outbound.bot-per-second", "150").start()) {
            List<Long> members = seed(a, 920_001, 1500);
            String text = "Shared work";
            long id = startBroadcast(a, text);
            BroadcastSupport.awaitStatus(b.jdbc(), id, "DONE", LONG);
            for (long user : members) {
                assertThat(messagesWith(user, text)).as("messages to %s", user).isEqualTo(1);
            }
            assertThat(sent(a)).as("instance a sent").isPositive();
            assertThat(sent(b)).as("instance b sent").isPositive();
            assertThat(sent(a) + sent(b)).isGreaterThanOrEqualTo(members.size());
            await().atMost(LONG).until(() -> telegram.messages(9001).stream()
                    .anyMatch(m -> m.plainText().contains(BroadcastSupport.t("broadcasting.status.DONE"))));
            assertThat(telegram.messages(9001).stream()
                    .filter(m -> m.plainText().contains(BroadcastSupport.t("broadcasting.status.DONE")))).hasSize(1);
        }
    }

    static double sent(TestApp app) {
        return app.bean(MeterRegistry.class).find("hamyar.messages.sent").tag("platform", "telegram").counters()
                .stream().mapToDouble(c -> c.count()).sum();
    }
}
