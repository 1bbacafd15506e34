package ir.hamyar.bot.e2e;

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

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 4 end to end: registration on both messengers, its refusals, linking, referrals, export, erasure. */
class MembershipEndToEndTests {

    static FakeBotApi api;
    static FakeBot telegram;
    static FakeBot bale;
    static TestApp app;

    @BeforeAll
    static void startApp() {
        api = FakeBotApi.start(0);
        telegram = api.bot(TestApp.TELEGRAM_TOKEN, Flavor.TELEGRAM, "hamyar_test_bot");
        bale = api.bot(TestApp.BALE_TOKEN, Flavor.BALE, "hamyar_test_bale_bot");
        app = TestApp.on(TestPostgres.newDatabase("membership"), api).withBale(api)
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

    /** Starts the form and accepts the terms; returns when the phone is asked for. */
    static void startAndAcceptTerms(Chatter c, String start) {
        c.sends(start).awaitReplyMatching(m -> m.inlineLabels().contains(t("membership.terms_accept")));
        c.taps(t("membership.terms_accept")).awaitReplyContaining(t("membership.ask_phone"));
    }

    /** Walks the whole form with good answers; returns after the welcome. */
    static void register(Chatter c, String phone, String name, String nationalCode) {
        startAndAcceptTerms(c, "/start");
        fillUpToSummary(c, phone, name, nationalCode, "۱۳۷۵", "membership.education.BACHELOR", null,
                "membership.interest.economic");
        c.taps(t("common.confirm")).awaitReplyContaining(name);
    }

    /** Answers every step after the terms; returns when the summary is shown. */
    static void fillUpToSummary(Chatter c, String phone, String name, String nationalCode, String birthYear,
                                String educationKey, String expertise, String interestKey) {
        c.sharesOwnContact(phone).awaitReplyContaining(t("membership.ask_name"));
        c.sends(name).awaitReplyContaining(t("membership.ask_national_code"));
        c.sends(nationalCode).awaitReplyContaining(t("membership.ask_birth_year"));
        c.sends(birthYear).awaitReplyContaining(t("membership.ask_education"));
        c.taps(t(educationKey)).awaitReplyContaining(t("membership.ask_expertise"));
        if (expertise == null) {
            c.taps(t("common.skip")).awaitReplyContaining(t("membership.ask_province"));
        } else {
            c.sends(expertise).awaitReplyContaining(t("membership.ask_province"));
        }
        c.taps("تهران").awaitReplyContaining(t("membership.ask_county", "تهران"));
        c.sends("تهر").awaitReplyContaining(t("membership.ask_county", "تهران"));
        c.taps("تهران").awaitReplyContaining(t("membership.ask_interests"));
        c.taps(t(interestKey)).awaitReplyMatching(m -> m.inlineLabels().contains(t("membership.chosen", t(interestKey))));
        c.taps(t("membership.interests_done")).awaitReplyMatching(m -> m.inlineLabels().contains(t("common.confirm")));
    }

    int members(String where, Object... args) {
        return app.jdbc().queryForObject("SELECT count(*) FROM member WHERE " + where, Integer.class, args);
    }

    @Test
    void registersOnTelegramThroughTheWholeForm() {
        Chatter alice = new Chatter(telegram, 4001, "Alice");
        register(alice, "+989121110001", "علی رضایی", "۰۰۱۳۵۴۲۴۱۹");
        assertThat(alice.lastReply().plainText()).contains(t("membership.welcome", "علی رضایی").split("\n")[0]);
        Map<String, Object> row = app.jdbc().queryForMap(
                "SELECT full_name, phone_e164, phone_verified, national_code, birth_year FROM member WHERE national_code = '0013542419'");
        assertThat(row.get("full_name")).isEqualTo("علی رضایی");
        assertThat(row.get("phone_e164")).isEqualTo("+989121110001");
        assertThat(row.get("phone_verified")).isEqualTo(true);
        assertThat(((Number) row.get("birth_year")).intValue()).isEqualTo(1375);
        assertThat(alice.lastReply().replyLabels()).contains(t("membership.menu.profile"));
    }

    @Test
    void registersOnBaleWithPlainTexts() {
        Chatter dana = new Chatter(bale, 4002, "Dana");
        register(dana, "989121110002", "Dana Karimi", "1234567891");
        assertThat(members("national_code = ?", "1234567891")).isEqualTo(1);
        assertThat(bale.parseModeSeen()).isFalse();
    }

    @Test
    void refusesBadAnswersPolitelyAndStaysOnTheStep() {
        Chatter reza = new Chatter(telegram, 4003, "Reza");
        startAndAcceptTerms(reza, "/start");
        reza.sharesContactOf(999, "+989121110003").awaitReplyContaining(t("membership.phone_not_own"));
        reza.sends("+447911123456").awaitReplyContaining(t("membership.phone_foreign"));
        reza.sends("۰۹۱۲۱۱۱۰۰۰۳").awaitReplyContaining(t("membership.ask_name"));
        reza.sends("12345").awaitReplyContaining(t("membership.name_invalid"));
        reza.sends("رضا كريمي").awaitReplyContaining(t("membership.ask_national_code"));
        reza.sends("1234567890").awaitReplyContaining(t("membership.national_code_invalid"));
        reza.sends("1111111111").awaitReplyContaining(t("membership.national_code_invalid"));
        reza.sends("9876543210").awaitReplyContaining(t("membership.ask_birth_year"));
        reza.sends("۱۴۳۰").awaitReplyContaining(t("membership.birth_year_invalid"));
        reza.sends("1370").awaitReplyContaining(t("membership.ask_education"));
        reza.taps(t("membership.education.DIPLOMA")).awaitReplyContaining(t("membership.ask_expertise"));
        reza.taps(t("common.skip")).awaitReplyContaining(t("membership.ask_province"));
        reza.taps("تهران").awaitReplyContaining(t("membership.ask_county", "تهران"));
        // a forged button: a county of another province
        int isfahanCounty = app.jdbc().queryForObject("SELECT c.id FROM county c JOIN province p ON p.id = c.province_id "
                + "WHERE p.name_fa = 'اصفهان' ORDER BY c.id LIMIT 1", Integer.class);
        SentMessage countyList = reza.lastReply();
        telegram.injectCallback(reza.user(), reza.chatId(), countyList.messageId(), "mf:cty:" + isfahanCounty);
        reza.awaitReplyContaining(t("membership.county_wrong_province"));
        // a stale button from an earlier step changes nothing
        telegram.injectCallback(reza.user(), reza.chatId(), countyList.messageId(), "mf:terms:yes");
        reza.awaitReplyContaining(t("membership.choose_from_buttons"));
        assertThat(members("national_code = ?", "9876543210")).isZero();
        reza.sends("/cancel").awaitReplyContaining(t("runtime.cancelled"));
        assertThat(app.jdbc().queryForObject("SELECT flow FROM conversation WHERE chat_key = 'T:4003'", String.class)).isNull();
    }

    @Test
    void aSecondRegistrationWithTheSameNationalCodeCreatesNothing() {
        Chatter first = new Chatter(telegram, 4004, "First");
        register(first, "+989121110004", "مریم احمدی", "1122334451");
        Chatter second = new Chatter(telegram, 4005, "Second");
        startAndAcceptTerms(second, "/start");
        fillUpToSummary(second, "+989121110005", "سارا احمدی", "1122334451", "1370", "membership.education.DIPLOMA",
                null, "membership.interest.health");
        second.taps(t("common.confirm")).awaitReplyContaining(
                t("membership.rejected.DUPLICATE_NATIONAL_CODE").substring(0, 20));
        assertThat(members("national_code = ?", "1122334451")).isEqualTo(1);
        assertThat(members("phone_e164 = ?", "+989121110005")).isZero();
    }

    @Test
    void linksTheSamePersonAcrossMessengersAndCountsReferrals() {
        Chatter sara = new Chatter(telegram, 4006, "Sara");
        register(sara, "+989121110006", "سارا محمدی", "5566778895");
        sara.sends("/invite");
        String invite = sara.awaitReplyContaining("start=ref_").plainText();
        String code = invite.substring(invite.indexOf("start=ref_") + "start=ref_".length()).split("\\s")[0];

        Chatter onBale = new Chatter(bale, 4106, "Sara");
        startAndAcceptTerms(onBale, "/start");
        onBale.sharesOwnContact("+989121110006").awaitReplyContaining(t("membership.link_offer"));
        onBale.taps(t("membership.link_yes")).awaitReplyContaining("سارا محمدی");
        assertThat(members("phone_e164 = ?", "+989121110006")).isEqualTo(1);
        onBale.sends("/profile");
        assertThat(onBale.awaitReplyContaining(t("membership.platform.BALE")).plainText())
                .contains(t("membership.platform.TELEGRAM"));

        Chatter friend = new Chatter(telegram, 4007, "Friend");
        startAndAcceptTerms(friend, "/start ref_" + code);
        fillUpToSummary(friend, "+989121110007", "نیما صادقی", "2468135792", "1380", "membership.education.MASTER",
                "برنامه‌نویسی", "membership.interest.technology");
        friend.taps(t("common.confirm")).awaitReplyContaining("نیما صادقی");
        sara.sends("/invite");
        assertThat(sara.awaitReplyContaining("start=ref_").plainText()).contains(t("membership.invite", "x", 1L).split("\n")[3]);
    }

    @Test
    void exportsAndErasesAMembersData() {
        Chatter omid = new Chatter(telegram, 4008, "Omid");
        register(omid, "+989121110008", "امید نوری", validCode());
        omid.sends("/mydata");
        SentMessage doc = omid.awaitReplyMatching(m -> m.attachment() != null);
        String json = new String(telegram.fileBytes(doc.attachment().fileId()), StandardCharsets.UTF_8);
        assertThat(json).contains("امید نوری").contains("+989121110008");

        long id = app.jdbc().queryForObject("SELECT id FROM member WHERE phone_e164 = '+989121110008'", Long.class);
        omid.sends("/deleteme").awaitReplyMatching(m -> m.inlineLabels().contains(t("membership.erase_yes")));
        omid.taps(t("membership.erase_yes")).awaitReplyContaining(t("membership.erased").substring(0, 15));
        Map<String, Object> row = app.jdbc().queryForMap(
                "SELECT full_name, phone_e164, national_code, birth_year, expertise, status FROM member WHERE id = ?", id);
        assertThat(row.get("full_name")).isNull();
        assertThat(row.get("phone_e164")).isNull();
        assertThat(row.get("national_code")).isNull();
        assertThat(row.get("birth_year")).isNull();
        assertThat(row.get("status")).isEqualTo("ERASED");
        assertThat(app.jdbc().queryForObject("SELECT count(*) FROM member_account WHERE member_id = ?", Integer.class, id)).isZero();
        assertThat(app.jdbc().queryForObject("SELECT count(*) FROM member_interest WHERE member_id = ?", Integer.class, id)).isZero();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> app.jdbc().queryForObject(
                "SELECT count(*) FROM audit_entry WHERE action = 'MEMBER_ERASED' AND subject_id = ?", Integer.class, id) == 1);
    }

    static String validCode() {
        return "334455667" + check("334455667");
    }

    static String check(String nine) {
        int s = 0;
        for (int i = 0; i < 9; i++) {
            s += (nine.charAt(i) - '0') * (10 - i);
        }
        int r = s % 11;
        return String.valueOf(r < 2 ? r : 11 - r);
    }
}
