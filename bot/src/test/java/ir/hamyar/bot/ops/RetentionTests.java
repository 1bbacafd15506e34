package ir.hamyar.bot.ops;

import ir.hamyar.bot.e2e.MutableClock;
import ir.hamyar.bot.e2e.TestApp;
import ir.hamyar.bot.fakeapi.FakeBotApi;
import ir.hamyar.bot.fakeapi.Flavor;
import ir.hamyar.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention on PostgreSQL with a moved clock: what is old and done goes, in several small batches; what is
 * recent, or still to be done, stays; a conversation row stays and only loses an expired form.
 */
class RetentionTests {

    static final Instant START = Instant.parse("2026-03-01T08:00:00Z");

    /** A plain bean source (no stereotype): the application's clock, moved by the tests. */
    static class ClockConfig {
        static final MutableClock CLOCK = new MutableClock(START);

        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }
    }

    static FakeBotApi api;
    static TestApp app;
    static JdbcTemplate jdbc;
    static long updateIds = 1_000;

    @BeforeAll
    static void startApp() {
        api = FakeBotApi.start(0);
        api.bot(TestApp.TELEGRAM_TOKEN, Flavor.TELEGRAM, "hamyar_test_bot");
        app = TestApp.on(TestPostgres.newDatabase("retention"), api).with(ClockConfig.class)
                .property("hamyar.retention.batch-size", "2")
                .start();
        jdbc = app.jdbc();
    }

    @AfterAll
    static void stopApp() {
        app.close();
        api.close();
    }

    static Timestamp at(Instant i) {
        return Timestamp.from(i);
    }

    static Instant now() {
        return ClockConfig.CLOCK.instant();
    }

    static void inbox(String chatKey, String status, Instant receivedAt) {
        jdbc.update("INSERT INTO inbox_update (platform, update_id, chat_key, payload, status, attempts, received_at, "
                + "processed_at) VALUES ('TELEGRAM', ?, ?, '{}', ?, 1, ?, ?)", updateIds++, chatKey, status,
                at(receivedAt), "PENDING".equals(status) ? null : at(receivedAt));
    }

    static void outbox(String chatKey, String status, Instant createdAt) {
        jdbc.update("INSERT INTO outbound_message (platform, chat_id, chat_key, op, payload, status, attempts, not_before, "
                + "created_at, claimed_by, claimed_until, reference) VALUES ('TELEGRAM', 1, ?, 'SEND_TEXT', '{}', ?, 1, ?, ?, "
                + "'elsewhere', ?, 'retention-test')", chatKey, status, at(createdAt), at(createdAt),
                at(Instant.parse("2100-01-01T00:00:00Z")));
    }

    static void conversation(String chatKey, String flow, Instant expiresAt) {
        jdbc.update("INSERT INTO conversation (chat_key, platform, chat_id, chat_type, flow, step, draft, locale, "
                + "updated_at, expires_at) VALUES (?, 'TELEGRAM', ?, 'PRIVATE', ?, ?, ?, 'fa', ?, ?)",
                chatKey, Long.parseLong(chatKey.substring(2)), flow, flow == null ? null : "STEP",
                flow == null ? null : "{\"phone\":\"x\"}", at(START), expiresAt == null ? null : at(expiresAt));
    }

    static void event(String listener, Instant publishedAt, Instant completedAt) {
        jdbc.update("INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date, "
                + "completion_date, status, completion_attempts) VALUES (?, ?, 'retention.TestEvent', '{}', ?, ?, ?, 1)",
                UUID.randomUUID(), listener, at(publishedAt), completedAt == null ? null : at(completedAt),
                completedAt == null ? "FAILED" : "COMPLETED");
    }

    static List<String> statuses(String table, String where) {
        return jdbc.queryForList("SELECT status FROM " + table + " WHERE " + where + " ORDER BY id", String.class);
    }

    @Test
    void purgesOldProcessedUpdatesInBatchesAndKeepsRecentAndPendingOnes() {
        Instant old = now();
        for (int i = 0; i < 5; i++) {
            inbox("T:9101", "DONE", old);
        }
        inbox("T:9101", "FAILED", old);
        inbox("T:9999101", "PENDING", old); // a chat without a conversation row: no worker takes it
        ClockConfig.CLOCK.advance(Duration.ofDays(8));
        inbox("T:9101", "DONE", now().minus(Duration.ofDays(6)));

        Retention.Purged purged = app.bean(Retention.class).purge();

        assertThat(purged.inbox()).isEqualTo(6);
        assertThat(statuses("inbox_update", "chat_key IN ('T:9101', 'T:9999101')")).containsExactly("PENDING", "DONE");
    }

    @Test
    void purgesDeliveredOutgoingMessagesAndKeepsUnsentOnes() {
        Instant old = now();
        for (String status : new String[]{"SENT", "SENT", "FAILED", "UNREACHABLE"}) {
            outbox("T:9201", status, old);
        }
        outbox("T:9201", "CLAIMED", old);
        ClockConfig.CLOCK.advance(Duration.ofDays(8));
        outbox("T:9201", "SENT", now().minus(Duration.ofDays(1)));

        Retention.Purged purged = app.bean(Retention.class).purge();

        assertThat(purged.outbox()).isEqualTo(4);
        assertThat(statuses("outbound_message", "chat_key = 'T:9201'")).containsExactly("CLAIMED", "SENT");
    }

    @Test
    void clearsFormsThatExpiredLongAgoButKeepsEachChatsRowAndLanguage() {
        Instant t = now();
        conversation("T:9301", "mf", t.plus(Duration.ofHours(6)));
        conversation("T:9302", "mf", t.plus(Duration.ofHours(6)));
        conversation("T:9303", "mf", t.plus(Duration.ofHours(6)));
        conversation("T:9304", null, null);
        ClockConfig.CLOCK.advance(Duration.ofDays(3));
        conversation("T:9305", "mf", now().minus(Duration.ofHours(2))); // expired, but within the day of grace
        conversation("T:9306", "mf", now().plus(Duration.ofHours(1)));

        Retention.Purged purged = app.bean(Retention.class).purge();

        assertThat(purged.conversations()).isEqualTo(3);
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT chat_key, flow, step, draft, locale, expires_at "
                + "FROM conversation WHERE chat_key LIKE 'T:930%' ORDER BY chat_key");
        assertThat(rows).extracting(r -> r.get("chat_key"))
                .containsExactly("T:9301", "T:9302", "T:9303", "T:9304", "T:9305", "T:9306");
        assertThat(rows.subList(0, 4)).allSatisfy(r -> {
            assertThat(r.get("flow")).isNull();
            assertThat(r.get("step")).isNull();
            assertThat(r.get("draft")).isNull();
            assertThat(r.get("locale")).isEqualTo("fa");
        });
        assertThat(rows.subList(4, 6)).allSatisfy(r -> assertThat(r.get("flow")).isEqualTo("mf"));
    }

    @Test
    void deletesOldCompletedEventPublicationsAndGivesUpOnlyLongIncompleteOnes() {
        Instant t = now();
        event("retention.completed-old", t, t);
        event("retention.incomplete-old", t, null);
        ClockConfig.CLOCK.advance(Duration.ofDays(31));
        event("retention.completed-recent", now().minus(Duration.ofDays(1)), now().minus(Duration.ofDays(1)));
        event("retention.incomplete-recent", now().minus(Duration.ofDays(10)), null);

        Retention.Purged purged = app.bean(Retention.class).purge();

        assertThat(purged.incompleteEvents()).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT listener_id FROM event_publication WHERE listener_id LIKE 'retention.%' "
                + "ORDER BY listener_id", String.class))
                .containsExactly("retention.completed-recent", "retention.incomplete-recent");
    }

    @Test
    void aSecondRunFindsNothingMore() {
        Instant old = now();
        inbox("T:9401", "DONE", old);
        outbox("T:9401", "SENT", old);
        ClockConfig.CLOCK.advance(Duration.ofDays(8));
        app.bean(Retention.class).purge();

        assertThat(app.bean(Retention.class).purge()).isEqualTo(new Retention.Purged(0, 0, 0, 0));
    }
}
