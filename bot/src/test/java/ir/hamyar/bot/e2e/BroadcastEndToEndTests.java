package ir.hamyar.bot.e2e;

import ir.hamyar.bot.e2e.BroadcastSupport.SettableClock;
import ir.hamyar.bot.fakeapi.FakeBot;
import ir.hamyar.bot.fakeapi.FakeBotApi;
import ir.hamyar.bot.fakeapi.Flavor;
import ir.hamyar.bot.fakeapi.InlineButton;
import ir.hamyar.bot.fakeapi.SentMessage;
import ir.hamyar.bot.flow.broadcast.BroadcastJobs;
import ir.hamyar.bot.scenario.Chatter;
import ir.hamyar.domain.appointments.Appointments;
import ir.hamyar.domain.broadcasting.DeliveryKind;
import ir.hamyar.domain.broadcasting.DeliveryPreferences;
import ir.hamyar.domain.offices.NewOffice;
import ir.hamyar.domain.offices.OfficeView;
import ir.hamyar.domain.offices.Offices;
import ir.hamyar.messages.JalaliDates;
import ir.hamyar.messages.Texts;
import ir.hamyar.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static ir.hamyar.bot.e2e.BroadcastSupport.ADMIN;
import static ir.hamyar.bot.e2e.BroadcastSupport.t;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Issue 8 end to end: the admin's broadcast flow, audiences, photo and link, schedule, cancel, preferences. */
class BroadcastEndToEndTests {

    static final Duration WAIT = Duration.ofSeconds(20);

    static FakeBotApi api;
    static FakeBot telegram;
    static FakeBot bale;
    static TestApp app;
    static JdbcTemplate jdbc;
    static final SettableClock clock = SettableClock.INSTANCE;

    @BeforeAll
    static void startApp() {
        api = FakeBotApi.start(0);
        telegram = api.bot(TestApp.TELEGRAM_TOKEN, Flavor.TELEGRAM, "hamyar_test_bot");
        bale = api.bot(TestApp.BALE_TOKEN, Flavor.BALE, "hamyar_test_bale_bot");
        app = TestApp.on(TestPostgres.newDatabase("broadcast"), api).withBale(api).with(SettableClock.Config.class)
                .property("hamyar.admins", "telegram:" + ADMIN)
                .property("hamyar.outbound.chat-per-second", "50")
                .property("hamyar.outbound.chat-burst", "50")
                .property("hamyar.outbound.bot-per-second", "500")
                .property("hamyar.outbound.bot-burst", "100")
                .property("hamyar.outbound.poll-interval", "100ms")
                .property("hamyar.broadcasting.progress-every", "300ms")
                .property("hamyar.broadcasting.schedule-check-every", "1h")
                .start();
        jdbc = app.jdbc();
    }

    @AfterAll
    static void stopApp() {
        app.close();
        api.close();
    }

    static String code(String eight) {
        String nine = eight + "1";
        return nine + MembershipEndToEndTests.check(nine);
    }

    /** Replies to the admin may wait behind a broadcast's first deliveries: a longer patience than members'. */
    Chatter admin() {
        return new Chatter(telegram, ADMIN, "Admin").withReplyTimeout(WAIT);
    }

    @Test
    void anAdminBroadcastsTextPhotoAndLinkToEveryMemberWhereTheyLastWere() {
        clock.set(BroadcastSupport.tehranTomorrowAt(12, 0));
        Chatter onTelegram = new Chatter(telegram, 8101, "Tara");
        MembershipEndToEndTests.register(onTelegram, "+989121118101", "تارا کاظمی", code("81018101"));
        Chatter onBale = new Chatter(bale, 8102, "Bahar");
        MembershipEndToEndTests.register(onBale, "989121118102", "بهار نیک", code("81028102"));
        int county = BroadcastSupport.firstCounty(jdbc);
        List<Long> seeded = BroadcastSupport.seedMembers(jdbc, 810_001, 5, "TELEGRAM", county, null, "fa");
        BroadcastSupport.seedMembers(jdbc, 810_010, 1, "TELEGRAM", county, null, "en");
        // two members with accounts on both messengers: the newer Bale account of one is blocked
        BroadcastSupport.seedMembers(jdbc, 810_020, 1, "TELEGRAM", county, null, "fa");
        BroadcastSupport.seedMembers(jdbc, 810_030, 1, "TELEGRAM", county, null, "fa");
        for (long user : List.of(810_020L, 810_030L)) {
            jdbc.update("INSERT INTO member_account (platform, user_id, chat_id, member_id, linked_at, last_seen_at) "
                    + "SELECT 'BALE', user_id, chat_id, member_id, linked_at, last_seen_at + INTERVAL '1 hour' "
                    + "FROM member_account WHERE platform = 'TELEGRAM' AND user_id = ?", user);
        }
        jdbc.update("INSERT INTO conversation (chat_key, platform, chat_id, chat_type, updated_at, unreachable_at) "
                + "VALUES ('B:810020', 'BALE', 810020, 'PRIVATE', now(), now())");

        String text = "Meeting <b>tonight</b> & tea\nسطر دوم";
        Chatter admin = admin();
        admin.sends("/broadcast").awaitReplyMatching(m -> m.inlineLabels().contains(t("broadcasting.audience_choice.ALL")));
        admin.taps(t("broadcasting.audience_choice.ALL")).awaitReplyContaining(t("broadcasting.audience.ALL"));
        admin.sends(text).awaitReplyContaining(t("broadcasting.ask_photo"));
        admin.sendsPhoto("a photo".getBytes(StandardCharsets.UTF_8)).awaitReplyContaining(t("broadcasting.no_link"));
        admin.sends("ثبت‌نام https://example.org/register");
        SentMessage preview = admin.awaitReplyMatching(m -> m.attachment() != null);
        assertThat(preview.plainText()).isEqualTo(text);
        assertThat(preview.inlineButton("ثبت‌نام")).map(InlineButton::url).contains("https://example.org/register");
        admin.awaitReplyMatching(m -> m.inlineLabels().contains(t("broadcasting.send_now")));
        admin.taps(t("broadcasting.send_now")).awaitReplyContaining(t("broadcasting.started"));

        SentMessage got = onTelegram.withReplyTimeout(WAIT).awaitReplyMatching(m -> text.equals(m.plainText()));
        assertThat(got.attachment()).isNotNull();
        assertThat(got.text()).contains("&lt;b&gt;tonight&lt;/b&gt; &amp; tea");
        assertThat(got.inlineButton("ثبت‌نام")).map(InlineButton::url).contains("https://example.org/register");
        SentMessage onBaleGot = onBale.withReplyTimeout(WAIT).awaitReplyMatching(m -> text.equals(m.plainText()));
        assertThat(onBaleGot.attachment()).as("a Telegram file id means nothing on Bale").isNull();
        assertThat(bale.parseModeSeen()).isFalse();
        for (long user : seeded) {
            assertThat(telegram.awaitMessages(user, 1, WAIT).get(0).plainText()).isEqualTo(text);
        }
        assertThat(telegram.awaitMessages(810_010, 1, WAIT).get(0).plainText()).isEqualTo(text);
        assertThat(telegram.awaitMessages(810_020, 1, WAIT)).hasSize(1);
        assertThat(bale.awaitMessages(810_030, 1, WAIT).get(0).plainText()).isEqualTo(text);

        long id = BroadcastSupport.lastBroadcastId(jdbc);
        BroadcastSupport.awaitStatus(jdbc, id, "DONE", WAIT);
        assertThat(telegram.messages(810_030)).as("reached once, where last seen").isEmpty();
        assertThat(bale.messages(810_020)).isEmpty();
        SentMessage report = admin.withReplyTimeout(WAIT).awaitReplyContaining(t("broadcasting.status.DONE"));
        assertThat(report.plainText()).contains(t("broadcasting.report", "x", id, 0, 0, 0, 0, 0, 0, 0).split("\n")[0]
                .split(":")[0]);
        Map<String, Object> counts = BroadcastSupport.counts(jdbc, id);
        assertThat(counts.get("queued_count")).isEqualTo(counts.get("sent_count"));
        assertThat(((Number) counts.get("sent_count")).intValue()).isGreaterThanOrEqualTo(11);
        SentMessage card = telegram.messages(ADMIN).stream()
                .filter(m -> m.plainText().contains(t("broadcasting.progress", id, 0, 0, 0, 0, "", 0, "", 0, 0)
                        .split("\n")[0])).findFirst().orElseThrow();
        assertThat(card.edited()).isTrue();
        assertThat(card.inlineLabels()).as("a finished broadcast cannot be stopped").isEmpty();
    }

    @Test
    void aCountyBroadcastShowsItsRecipientCountAndReachesOnlyThatCounty() {
        clock.set(BroadcastSupport.tehranTomorrowAt(12, 0));
        Map<String, Object> province = jdbc.queryForMap("SELECT id, name_fa FROM province ORDER BY sort_order OFFSET 1 LIMIT 1");
        List<Map<String, Object>> counties = jdbc.queryForList("SELECT id, name_fa FROM county WHERE province_id = ? "
                + "ORDER BY sort_order LIMIT 2", province.get("id"));
        int inside = ((Number) counties.get(0).get("id")).intValue();
        int outside = ((Number) counties.get(1).get("id")).intValue();
        List<Long> members = BroadcastSupport.seedMembers(jdbc, 820_001, 4, "TELEGRAM", inside, null, "fa");
        List<Long> others = BroadcastSupport.seedMembers(jdbc, 820_101, 3, "TELEGRAM", outside, null, "fa");
        jdbc.update("INSERT INTO member_preference (member_id, announcements) SELECT member_id, FALSE "
                + "FROM member_account WHERE platform = 'TELEGRAM' AND user_id = 820001");

        String text = "County meeting " + System.nanoTime();
        Chatter admin = admin();
        admin.sends("/broadcast").awaitReplyMatching(m -> m.inlineLabels().contains(t("broadcasting.audience_choice.COUNTY")));
        admin.taps(t("broadcasting.audience_choice.COUNTY")).awaitReplyContaining(t("broadcasting.ask_province"));
        admin.taps((String) province.get("name_fa")).awaitReplyMatching(m -> m.inlineLabels().contains(counties.get(0).get("name_fa")));
        admin.taps((String) counties.get(0).get("name_fa"));
        SentMessage ask = admin.awaitReplyContaining(t("broadcasting.audience.COUNTY", counties.get(0).get("name_fa"),
                province.get("name_fa")));
        assertThat(ask.plainText()).as("recipient count before anything is sent")
                .contains(t("broadcasting.ask_text", "x", 3).split("\n")[1]);
        admin.sends(text).awaitReplyContaining(t("broadcasting.ask_photo"));
        admin.taps(t("broadcasting.no_photo")).awaitReplyContaining(t("broadcasting.no_link"));
        admin.taps(t("broadcasting.no_link")).awaitReplyMatching(m -> m.inlineLabels().contains(t("broadcasting.send_now")));
        admin.taps(t("broadcasting.send_now")).awaitReplyContaining(t("broadcasting.started"));

        long id = BroadcastSupport.lastBroadcastId(jdbc);
        BroadcastSupport.awaitStatus(jdbc, id, "DONE", WAIT);
        for (long user : members.subList(1, members.size())) {
            assertThat(telegram.messages(user)).extracting(SentMessage::plainText).containsExactly(text);
        }
        assertThat(telegram.messages(820_001)).extracting(SentMessage::plainText).doesNotContain(text);
        for (long user : others) {
            assertThat(telegram.messages(user)).extracting(SentMessage::plainText).doesNotContain(text);
        }
        Map<String, Object> counts = BroadcastSupport.counts(jdbc, id);
        assertThat(counts).containsEntry("total_count", 4).containsEntry("queued_count", 3)
                .containsEntry("skipped_count", 1).containsEntry("sent_count", 3);
    }

    @Test
    void aManagerBroadcastsToTheirOfficesMembersOnlyAndForgedAudiencesAreRefused() {
        clock.set(BroadcastSupport.tehranTomorrowAt(12, 0));
        // a province no other test of this class seeds members in
        int province = jdbc.queryForObject("SELECT id FROM province WHERE name_en <> 'Tehran' "
                + "AND id <> (SELECT id FROM province ORDER BY sort_order OFFSET 1 LIMIT 1) "
                + "AND id <> (SELECT province_id FROM county ORDER BY id LIMIT 1) ORDER BY sort_order DESC LIMIT 1",
                Integer.class);
        List<Integer> counties = jdbc.queryForList("SELECT id FROM county WHERE province_id = ? ORDER BY sort_order "
                + "LIMIT 2", Integer.class, province);
        Offices offices = app.bean(Offices.class);
        OfficeView office = offices.create(NewOffice.county(province, counties.get(0), "دفتر همیار آزمون"));
        OfficeView neighbour = offices.create(NewOffice.county(province, counties.get(1), "دفتر همسایه"));
        List<Long> members = BroadcastSupport.seedMembers(jdbc, 870_001, 4, "TELEGRAM", counties.get(0), null, "fa");
        List<Long> elsewhere = BroadcastSupport.seedMembers(jdbc, 870_101, 3, "TELEGRAM", counties.get(1), null, "fa");

        Chatter manager = new Chatter(telegram, 8451, "Mina").withReplyTimeout(WAIT);
        MembershipEndToEndTests.register(manager, "+989121118451", "مینا رستمی", code("84518451"));
        long managerId = jdbc.queryForObject("SELECT member_id FROM member_account WHERE platform = 'TELEGRAM' "
                + "AND user_id = 8451", Long.class);
        LocalDate today = app.bean(Appointments.class).today();
        jdbc.update("INSERT INTO appointment (member_id, office_id, role, status, term_start, term_end, decree_no, "
                + "issued_by_account, issued_at) VALUES (?, ?, 'MANAGER', 'ACTIVE', ?, ?, 'T-8451', 'TELEGRAM:9001', "
                + "now())", managerId, office.id(), today.minusDays(10), today.plusDays(300));

        // a member who manages nothing may not broadcast at all
        new Chatter(telegram, elsewhere.get(0), "Nobody").withReplyTimeout(WAIT).sends("/broadcast")
                .awaitReplyContaining(t("broadcasting.not_admin"));

        // the audience is fixed to the manager's office: no audience buttons, the count shown before anything
        manager.sends("/broadcast");
        SentMessage ask = manager.awaitReplyContaining(t("broadcasting.audience.OFFICE", office.name()));
        assertThat(ask.plainText()).contains(t("broadcasting.ask_text", "x", 4).split("\n")[1]);
        assertThat(ask.inlineLabels()).doesNotContain(t("broadcasting.audience_choice.ALL"));

        // forged buttons of another audience or another office are refused and change nothing
        telegram.injectCallback(manager.user(), manager.chatId(), ask.messageId(), "bc:aud:ALL");
        SentMessage refused = manager.awaitReplyContaining(t("broadcasting.scope_refused"));
        telegram.injectCallback(manager.user(), manager.chatId(), ask.messageId(), "bc:off:" + neighbour.id());
        manager.awaitReplyMatching(m -> m.messageId() > refused.messageId()
                && m.plainText().contains(t("broadcasting.scope_refused")));

        String text = "Office meeting " + System.nanoTime();
        manager.sends(text).awaitReplyContaining(t("broadcasting.ask_photo"));
        manager.taps(t("broadcasting.no_photo")).awaitReplyContaining(t("broadcasting.no_link"));
        manager.taps(t("broadcasting.no_link")).awaitReplyMatching(m -> m.inlineLabels().contains(t("broadcasting.send_now")));
        manager.taps(t("broadcasting.send_now")).awaitReplyContaining(t("broadcasting.started"));

        long id = BroadcastSupport.lastBroadcastId(jdbc);
        BroadcastSupport.awaitStatus(jdbc, id, "DONE", WAIT);
        for (long user : members) {
            assertThat(telegram.messages(user)).extracting(SentMessage::plainText).containsExactly(text);
        }
        for (long user : elsewhere) {
            assertThat(telegram.messages(user)).extracting(SentMessage::plainText).doesNotContain(text);
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outbound_message WHERE reference = ? AND chat_id = ?",
                Integer.class, "broadcast:" + id, manager.id())).as("the manager lives elsewhere: only the preview").isZero();
        assertThat(jdbc.queryForMap("SELECT audience_kind, audience_param, author_user_id FROM broadcast WHERE id = ?", id))
                .containsEntry("audience_kind", "OFFICE").containsEntry("audience_param", Long.toString(office.id()))
                .containsEntry("author_user_id", 8451L);
        assertThat(BroadcastSupport.counts(jdbc, id)).containsEntry("sent_count", 4);
        Map<String, Object> audit = jdbc.queryForMap("SELECT action, office_id, actor_member_id, actor_user_id "
                + "FROM audit_entry WHERE subject_type = 'BROADCAST' AND subject_id = ?", id);
        assertThat(audit).containsEntry("action", "BROADCAST_SENT").containsEntry("office_id", office.id())
                .containsEntry("actor_member_id", managerId).containsEntry("actor_user_id", 8451L);
    }

    @Test
    void aScheduledBroadcastStartsAtItsTimeAndNotBefore() {
        clock.set(BroadcastSupport.tehranTomorrowAt(12, 0));
        List<Long> members = BroadcastSupport.seedMembers(jdbc, 830_001, 3, "TELEGRAM",
                BroadcastSupport.firstCounty(jdbc), "health", "fa");
        String text = "Health day " + System.nanoTime();
        Instant at = clock.instant().plus(Duration.ofHours(2));
        Chatter admin = admin();
        admin.sends("/broadcast").awaitReplyMatching(m -> m.inlineLabels().contains(t("broadcasting.audience_choice.INTEREST")));
        admin.taps(t("broadcasting.audience_choice.INTEREST")).awaitReplyContaining(t("broadcasting.ask_interest"));
        admin.taps(t("membership.interest.health")).awaitReplyContaining(t("broadcasting.audience.INTEREST",
                t("membership.interest.health")));
        admin.sends(text).awaitReplyContaining(t("broadcasting.ask_photo"));
        admin.taps(t("broadcasting.no_photo")).awaitReplyContaining(t("broadcasting.no_link"));
        admin.taps(t("broadcasting.no_link")).awaitReplyMatching(m -> m.inlineLabels().contains(t("broadcasting.schedule")));
        admin.taps(t("broadcasting.schedule")).awaitReplyContaining(t("broadcasting.ask_schedule", "").strip());
        admin.sends(JalaliDates.formatDateTime(clock.instant().minus(Duration.ofHours(1)), Texts.EN))
                .awaitReplyContaining(t("broadcasting.schedule_past"));
        admin.sends(JalaliDates.formatDateTime(at, Texts.EN));
        SentMessage scheduled = admin.awaitReplyMatching(m -> m.inlineLabels().contains(t("broadcasting.cancel_sending")));
        assertThat(scheduled.plainText()).contains(JalaliDates.formatDateTime(at, Texts.FA));

        BroadcastJobs jobs = app.bean(BroadcastJobs.class);
        clock.advance(Duration.ofMinutes(119));
        assertThat(jobs.startDue()).isZero();
        assertThat(telegram.messages(members.get(0))).isEmpty();
        clock.advance(Duration.ofMinutes(2));
        assertThat(jobs.startDue()).isEqualTo(1);
        assertThat(jobs.startDue()).as("started once").isZero();
        for (long user : members) {
            assertThat(telegram.awaitMessages(user, 1, WAIT)).extracting(SentMessage::plainText).containsExactly(text);
        }
        BroadcastSupport.awaitStatus(jdbc, BroadcastSupport.lastBroadcastId(jdbc), "DONE", WAIT);
    }

    @Test
    void cancellingStopsWhatIsNotYetSent() {
        clock.set(BroadcastSupport.tehranTomorrowAt(12, 0));
        List<Long> members = BroadcastSupport.seedMembers(jdbc, 850_001, 300, "TELEGRAM",
                BroadcastSupport.firstCounty(jdbc), null, "fa");
        telegram.delay("sendMessage", Duration.ofMillis(40));
        try {
            String text = "To be stopped " + System.nanoTime();
            Chatter admin = admin();
            BroadcastSupport.broadcastToAll(admin, text);
            long id = BroadcastSupport.lastBroadcastId(jdbc);
            admin.taps(t("broadcasting.cancel_sending"));
            admin.withReplyTimeout(WAIT).awaitReplyContaining(t("broadcasting.status.CANCELLED"));
            await().atMost(WAIT).until(() -> BroadcastSupport.rows(jdbc, id, "CLAIMED") == 0);
            int sent = jdbc.queryForObject("SELECT count(*) FROM outbound_message WHERE reference = ? "
                    + "AND status = 'SENT' AND chat_id BETWEEN 850001 AND 850300", Integer.class, "broadcast:" + id);
            int cancelled = BroadcastSupport.rows(jdbc, id, "CANCELLED");
            assertThat(cancelled).isPositive();
            assertThat(BroadcastSupport.rows(jdbc, id, "PENDING")).isZero();
            long delivered = members.stream().filter(u -> telegram.messages(u).stream()
                    .anyMatch(m -> text.equals(m.plainText()))).count();
            assertThat(delivered).isEqualTo(sent).isLessThan(members.size());
            assertThat(jdbc.queryForObject("SELECT status FROM broadcast WHERE id = ?", String.class, id))
                    .isEqualTo("CANCELLED");
        } finally {
            telegram.clearFaults();
        }
    }

    @Test
    void optOutsAndQuietHoursAreRespected() {
        Instant night = BroadcastSupport.tehranTomorrowAt(23, 0);
        clock.set(night);
        Chatter member = new Chatter(telegram, 8401, "Omid");
        MembershipEndToEndTests.register(member, "+989121118401", "امید رستمی", code("84018401"));
        String on = t("broadcasting.toggle", t("broadcasting.setting.ANNOUNCEMENTS"), t("broadcasting.on"));
        String off = t("broadcasting.toggle", t("broadcasting.setting.ANNOUNCEMENTS"), t("broadcasting.off"));
        member.sends("/settings").awaitReplyMatching(m -> m.inlineLabels().contains(on));
        member.taps(on).awaitReplyMatching(m -> m.inlineLabels().contains(off));
        long memberId = jdbc.queryForObject("SELECT member_id FROM member_account WHERE user_id = 8401", Long.class);
        DeliveryPreferences preferences = app.bean(DeliveryPreferences.class);
        assertThat(preferences.allows(memberId, DeliveryKind.ANNOUNCEMENT)).isFalse();
        assertThat(preferences.allows(memberId, DeliveryKind.DECREE)).isTrue();

        int county = BroadcastSupport.firstCounty(jdbc);
        long quiet = BroadcastSupport.seedMembers(jdbc, 840_001, 1, "TELEGRAM", county, null, "fa").get(0);
        long awake = BroadcastSupport.seedMembers(jdbc, 840_002, 1, "TELEGRAM", county, null, "fa").get(0);
        jdbc.update("INSERT INTO member_preference (member_id, quiet_hours) SELECT member_id, FALSE "
                + "FROM member_account WHERE platform = 'TELEGRAM' AND user_id = ?", awake);
        long quietId = jdbc.queryForObject("SELECT member_id FROM member_account WHERE user_id = ?", Long.class, quiet);
        Instant morning = BroadcastSupport.tehranTomorrowAt(8, 0).plus(Duration.ofDays(1));
        assertThat(preferences.nextAllowedInstant(quietId, DeliveryKind.REMINDER, night)).isEqualTo(morning);
        assertThat(preferences.nextAllowedInstant(quietId, DeliveryKind.DECREE, night)).isEqualTo(night);

        String text = "Night notice " + System.nanoTime();
        BroadcastSupport.broadcastToAll(admin(), text);
        long id = BroadcastSupport.lastBroadcastId(jdbc);
        assertThat(telegram.awaitMessages(awake, 1, WAIT)).extracting(SentMessage::plainText).containsExactly(text);
        OffsetDateTime held = jdbc.queryForObject("SELECT not_before FROM outbound_message WHERE reference = ? "
                + "AND chat_id = ? AND status = 'PENDING'", OffsetDateTime.class, "broadcast:" + id, quiet);
        assertThat(held.toInstant()).isEqualTo(morning);
        assertThat(telegram.messages(quiet)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outbound_message WHERE reference = ? AND chat_id = 8401",
                Integer.class, "broadcast:" + id)).as("opted out: no delivery at all").isZero();
        assertThat(member.lastReply().plainText()).doesNotContain(text);
        // the held delivery would only hold the rest of this class's broadcasts' bookkeeping: withdraw it
        jdbc.update("UPDATE outbound_message SET status = 'CANCELLED' WHERE reference = ? AND status = 'PENDING'",
                "broadcast:" + id);
    }
}
