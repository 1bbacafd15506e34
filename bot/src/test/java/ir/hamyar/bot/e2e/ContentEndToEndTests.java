package ir.hamyar.bot.e2e;

import ir.hamyar.bot.fakeapi.FakeBot;
import ir.hamyar.bot.fakeapi.FakeBotApi;
import ir.hamyar.bot.fakeapi.Flavor;
import ir.hamyar.bot.fakeapi.SentMessage;
import ir.hamyar.bot.scenario.Chatter;
import ir.hamyar.domain.reporting.ProblemReporting;
import ir.hamyar.messages.ChatText;
import ir.hamyar.messages.Texts;
import ir.hamyar.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Issue 9, editable content end to end: terms re-acceptance, the about text on two instances, lists, refusals. */
class ContentEndToEndTests {

    static final long ADMIN = 9_500;
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-06-01T06:00:00Z"));
    private static final AtomicInteger CODES = new AtomicInteger(456_700_000);

    static FakeBotApi api;
    static FakeBot telegram;
    static TestPostgres.Database db;
    static TestApp app;

    static class TestBeans {
        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }
    }

    @BeforeAll
    static void startApp() {
        api = FakeBotApi.start(0);
        telegram = api.bot(TestApp.TELEGRAM_TOKEN, Flavor.TELEGRAM, "hamyar_test_bot");
        db = TestPostgres.newDatabase("content");
        app = start(TestApp.on(db, api));
    }

    static TestApp start(TestApp.Builder builder) {
        return builder.with(TestBeans.class)
                .property("hamyar.admins", "telegram:" + ADMIN)
                .property("hamyar.outbound.chat-per-second", "50")
                .property("hamyar.outbound.chat-burst", "50")
                .start();
    }

    @AfterAll
    static void stopApp() {
        app.close();
        api.close();
    }

    static String t(String key, Object... args) {
        return ChatText.htmlToPlain(Texts.get(Texts.FA, key, args));
    }

    static String nationalCode() {
        String nine = String.format("%09d", CODES.incrementAndGet());
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (nine.charAt(i) - '0') * (10 - i);
        }
        int r = sum % 11;
        return nine + (r < 2 ? r : 11 - r);
    }

    static Chatter member(FakeBot bot, long id, String phone, String name) {
        Chatter c = new Chatter(bot, id, name).withReplyTimeout(Duration.ofSeconds(20));
        MembershipEndToEndTests.register(c, phone, name, nationalCode());
        return c;
    }

    static Chatter admin() {
        return new Chatter(telegram, ADMIN, "Admin").withReplyTimeout(Duration.ofSeconds(20));
    }

    /** The admin opens /content from the /admin menu and picks an entry. */
    static void open(Chatter admin, String itemKey) {
        admin.sends("/admin").awaitReplyMatching(m -> m.inlineLabels().contains(t("content.admin.entry")));
        admin.taps(t("content.admin.entry")).awaitReplyMatching(m -> m.inlineLabels().contains(t(itemKey)));
        admin.taps(t(itemKey));
    }

    static void editText(Chatter admin, String itemKey, String persian, String english) {
        open(admin, itemKey);
        admin.awaitReplyContaining(t("content.ask_fa", 3500));
        admin.sends(persian).awaitReplyContaining(t("content.ask_en"));
        if (english == null) {
            admin.taps(t("common.skip"));
        } else {
            admin.sends(english);
        }
        admin.awaitReplyMatching(m -> m.inlineLabels().contains(t("common.confirm")) && m.plainText().contains(persian));
        admin.taps(t("common.confirm")).awaitReplyContaining(t("content.saved_label").substring(0, 5));
    }

    int versions(String code) {
        return app.jdbc().queryForObject("SELECT count(DISTINCT version) FROM content_version WHERE code = ?", Integer.class, code);
    }

    @Test
    void newTermsAreShownToEveryMemberAtTheirNextMessageAndAcceptedOnce() {
        Chatter alice = member(telegram, 5_101, "+989121230001", "آلاله امینی");
        Chatter bahram = member(telegram, 5_102, "+989121230002", "بهرام بهاری");
        alice.sends("/profile").awaitReplyContaining(t("membership.profile").split("\n")[0]);

        String terms = "شرایط تازهٔ آزمایشی: عضویت داوطلبانه است.";
        editText(admin(), "content.item.terms", terms, null);

        SentMessage asked = alice.sends("/profile").awaitReplyContaining(terms);
        assertThat(asked.plainText()).contains(t("membership.terms_updated", "1.1", "").strip());
        alice.taps(t("membership.terms_accept")).awaitReplyContaining(t("membership.terms_thanks"));
        alice.sends("/profile").awaitReplyContaining(t("membership.profile").split("\n")[0]);
        assertThat(app.jdbc().queryForObject("SELECT terms_version FROM member m JOIN member_account a "
                + "ON a.member_id = m.id WHERE a.user_id = 5101", String.class)).isEqualTo("1.1");

        bahram.sends("/invite").awaitReplyContaining(terms);
        bahram.taps(t("membership.terms_accept")).awaitReplyContaining(t("membership.terms_thanks"));

        Chatter newcomer = new Chatter(telegram, 5_103, "Nima").withReplyTimeout(Duration.ofSeconds(20));
        newcomer.sends("/start").awaitReplyMatching(m -> m.plainText().contains(terms)
                && m.inlineLabels().contains(t("membership.terms_accept")));
    }

    /**
     * The editing instance clears its cache on commit; another instance sharing the database sees an edit once its
     * cache TTL has passed (proved with two stores and a movable clock in {@code ContentStoreTests}).
     */
    @Test
    void anEditedAboutTextIsSeenAtOnce() {
        Chatter sara = member(telegram, 5_201, "+989121230011", "سارا سعیدی");
        String shipped = t("content.about").split("\n")[0];
        sara.sends("/about").awaitReplyContaining(shipped);
        sara.taps(t("content.menu.about")).awaitReplyContaining(shipped);

        editText(admin(), "content.item.about", "همیار، تازه‌ترین معرفی", "Hamyar, newest introduction");
        assertThat(versions("about")).isEqualTo(1);

        sara.sends("/about").awaitReplyContaining("همیار، تازه‌ترین معرفی");
    }

    @Test
    void aRetiredCategoryIsNoLongerOfferedAndARenamedOneKeepsItsCode() {
        Chatter admin = admin();
        open(admin, "content.item.categories");
        admin.awaitReplyMatching(m -> m.inlineLabels().contains(t("content.list.add")));
        SentMessage list = admin.lastReply();
        telegram.injectCallback(admin.user(), admin.chatId(), list.messageId(), "ct:l:ret:culture");
        admin.awaitReplyContaining(t("content.list.retired", t("reporting.category.culture")));
        assertThat(app.bean(ProblemReporting.class).categories()).doesNotContain("culture");

        admin.taps(t("content.list.rename", t("reporting.category.other")))
                .awaitReplyContaining(t("content.ask_label_fa", 40));
        admin.sends("موارد دیگر").awaitReplyContaining(t("content.ask_label_en"));
        admin.sends("Anything else").awaitReplyMatching(m -> m.inlineLabels().contains(t("common.confirm")));
        admin.taps(t("common.confirm")).awaitReplyContaining(t("content.saved_label"));
        assertThat(app.bean(ProblemReporting.class).categories()).contains("other");
        assertThat(versions("report_category.other")).isEqualTo(1);
        assertThat(app.jdbc().queryForObject("SELECT count(*) FROM audit_entry WHERE action = 'CONTENT_EDITED' "
                + "AND subject_type = 'report_category.culture' AND reason = 'RETIRED'", Integer.class)).isEqualTo(1);
    }

    @Test
    void aNonAdminIsRefusedAndForgedButtonsChangeNothing() {
        Chatter mina = member(telegram, 5_301, "+989121230021", "مینا موسوی");
        mina.sends("/content").awaitReplyContaining(t("runtime.not_allowed"));
        int before = app.jdbc().queryForObject("SELECT count(*) FROM content_version", Integer.class);
        SentMessage last = mina.lastReply();
        telegram.injectCallback(mina.user(), mina.chatId(), last.messageId(), "ct:l:ret:health");
        telegram.injectCallback(mina.user(), mina.chatId(), last.messageId(), "ct:ok:yes");
        await().atMost(Duration.ofSeconds(20)).until(() -> telegram.callbackAnswers().stream()
                .filter(a -> t("runtime.callback_stale").equals(a.text())).count() >= 2);
        assertThat(app.bean(ProblemReporting.class).categories()).contains("health");

        Chatter admin = admin();
        open(admin, "content.item.interests");
        admin.awaitReplyMatching(m -> m.inlineLabels().contains(t("content.list.add")));
        telegram.injectCallback(admin.user(), admin.chatId(), admin.lastReply().messageId(), "ct:l:ret:no_such_group");
        admin.awaitReplyContaining(t("runtime.callback_stale"));
        telegram.injectCallback(admin.user(), admin.chatId(), admin.lastReply().messageId(), "ct:ok:yes");
        admin.awaitReplyContaining(t("runtime.callback_stale"));
        admin.sends("/cancel").awaitReplyContaining(t("runtime.cancelled"));
        assertThat(app.jdbc().queryForObject("SELECT count(*) FROM content_version", Integer.class)).isEqualTo(before);
        assertThat(app.jdbc().queryForObject("SELECT count(*) FROM working_group WHERE active = FALSE", Integer.class))
                .isZero();
    }
}
