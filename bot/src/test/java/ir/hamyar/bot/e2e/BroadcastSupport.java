package ir.hamyar.bot.e2e;

import ir.hamyar.bot.scenario.Chatter;
import ir.hamyar.messages.ChatText;
import ir.hamyar.messages.JalaliDates;
import ir.hamyar.messages.Texts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;

/** Set-up shared by the broadcast tests: members written with SQL, the admin's flow, a clock tests set. */
final class BroadcastSupport {

    static final long ADMIN = 9001;

    private BroadcastSupport() {
    }

    static String t(String key, Object... args) {
        return ChatText.htmlToPlain(Texts.get(Texts.FA, key, args));
    }

    /** Tomorrow (Tehran) at this local time: daytime or night as a test needs, whatever the real hour is. */
    static Instant tehranTomorrowAt(int hour, int minute) {
        LocalDate tomorrow = LocalDate.now(JalaliDates.TEHRAN).plusDays(1);
        return ZonedDateTime.of(tomorrow, LocalTime.of(hour, minute), JalaliDates.TEHRAN).toInstant();
    }

    /** A clock the test sets; registered with {@code TestApp.with(SettableClock.Config.class)}. */
    static final class SettableClock extends Clock {
        static final SettableClock INSTANCE = new SettableClock();
        private final AtomicReference<Instant> now = new AtomicReference<>(tehranTomorrowAt(12, 0));

        void set(Instant instant) {
            now.set(instant);
        }

        void advance(Duration d) {
            now.updateAndGet(i -> i.plus(d));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        static class Config {
            @Bean
            @Primary
            Clock settableClock() {
                return INSTANCE;
            }
        }
    }

    /** One member row as the seeding writes it. */
    record Seed(long userId, String platform, String locale) {
    }

    /**
     * Writes {@code count} active members of one county with one account each (user id = chat id, from
     * {@code firstUserId}), in JDBC batches: a realistic audience without walking the form thousands of times.
     */
    static List<Long> seedMembers(JdbcTemplate jdbc, long firstUserId, int count, String platform, int countyId,
                                  String interest, String locale) {
        int provinceId = jdbc.queryForObject("SELECT province_id FROM county WHERE id = ?", Integer.class, countyId);
        Instant now = Instant.now();
        List<Object[]> members = new ArrayList<>();
        List<Object[]> accounts = new ArrayList<>();
        List<Long> users = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long user = firstUserId + i;
            String code = String.format("8%09d", user % 1_000_000_000L);
            members.add(new Object[] {"Member " + user, String.format("+98912%07d", user % 10_000_000L), code,
                    provinceId, countyId, now.atOffset(ZoneOffset.UTC), locale, "S" + user,
                    now.atOffset(ZoneOffset.UTC)});
            accounts.add(new Object[] {platform, user, user, now.atOffset(ZoneOffset.UTC),
                    now.atOffset(ZoneOffset.UTC), code});
            users.add(user);
        }
        jdbc.batchUpdate("INSERT INTO member (status, full_name, phone_e164, phone_verified, national_code, "
                + "birth_year, education, province_id, county_id, terms_version, terms_accepted_at, locale, "
                + "referral_code, created_at, version) VALUES ('ACTIVE', ?, ?, FALSE, ?, 1370, 'BACHELOR', ?, ?, '1', ?, "
                + "?, ?, ?, 0)", members);
        jdbc.batchUpdate("INSERT INTO member_account (platform, user_id, chat_id, member_id, linked_at, last_seen_at) "
                + "SELECT ?, ?, ?, id, ?, ? FROM member WHERE national_code = ?", accounts);
        if (interest != null) {
            jdbc.batchUpdate("INSERT INTO member_interest (member_id, working_group_id) SELECT a.member_id, g.id "
                    + "FROM member_account a, working_group g WHERE a.platform = ? AND a.user_id = ? AND g.code = ?",
                    users.stream().map(u -> new Object[] {platform, u, interest}).toList());
        }
        return users;
    }

    static int firstCounty(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT id FROM county ORDER BY id LIMIT 1", Integer.class);
    }

    /** The admin's whole flow for a text to all members, sent now; returns when sending has started. */
    static void broadcastToAll(Chatter admin, String text) {
        admin.sends("/broadcast").awaitReplyMatching(m -> m.inlineLabels().contains(t("broadcasting.audience_choice.ALL")));
        admin.taps(t("broadcasting.audience_choice.ALL"))
                .awaitReplyMatching(m -> m.inlineLabels().contains(t("common.back")) && m.plainText().contains("\n"));
        admin.sends(text).awaitReplyMatching(m -> m.inlineLabels().contains(t("broadcasting.no_photo")));
        admin.taps(t("broadcasting.no_photo")).awaitReplyMatching(m -> m.inlineLabels().contains(t("broadcasting.no_link")));
        admin.taps(t("broadcasting.no_link")).awaitReplyMatching(m -> m.inlineLabels().contains(t("broadcasting.send_now")));
        admin.taps(t("broadcasting.send_now")).awaitReplyContaining(t("broadcasting.started"));
    }

    static long lastBroadcastId(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT max(id) FROM broadcast", Long.class);
    }

    static void awaitStatus(JdbcTemplate jdbc, long id, String status, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(100)).until(() ->
                status.equals(jdbc.queryForObject("SELECT status FROM broadcast WHERE id = ?", String.class, id)));
    }

    static Map<String, Object> counts(JdbcTemplate jdbc, long id) {
        return jdbc.queryForMap("SELECT total_count, queued_count, sent_count, failed_count, unreachable_count, "
                + "skipped_count, cancelled_count FROM broadcast WHERE id = ?", id);
    }

    static int rows(JdbcTemplate jdbc, long broadcastId, String status) {
        return jdbc.queryForObject("SELECT count(*) FROM outbound_message WHERE reference = ? AND status = ?",
                Integer.class, "broadcast:" + broadcastId, status);
    }
}
