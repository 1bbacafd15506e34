package ir.hamyar.bot.e2e;

import ir.hamyar.bot.fakeapi.FakeBot;
import ir.hamyar.bot.fakeapi.FakeBotApi;
import ir.hamyar.bot.fakeapi.FakeGroup;
import ir.hamyar.bot.fakeapi.Flavor;
import ir.hamyar.bot.fakeapi.SentMessage;
import ir.hamyar.bot.flow.offices.OfficeJobs;
import ir.hamyar.bot.scenario.Chatter;
import ir.hamyar.domain.appointments.AppointmentRole;
import ir.hamyar.domain.appointments.AppointmentView;
import ir.hamyar.domain.appointments.Appointments;
import ir.hamyar.domain.appointments.IssueAppointment;
import ir.hamyar.domain.appointments.IssueResult;
import ir.hamyar.domain.appointments.Issuer;
import ir.hamyar.domain.appointments.TrainingRecord;
import ir.hamyar.domain.membership.MemberView;
import ir.hamyar.domain.membership.Membership;
import ir.hamyar.domain.offices.NewOffice;
import ir.hamyar.domain.offices.OfficeView;
import ir.hamyar.domain.offices.Offices;
import ir.hamyar.domain.regions.County;
import ir.hamyar.domain.regions.Regions;
import ir.hamyar.domain.shared.Platform;
import ir.hamyar.messages.ChatText;
import ir.hamyar.messages.JalaliDates;
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
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 5 end to end: a founding application asked about, answered and approved (office, permit, decree, group
 * alerts), an ineligible appointment refused, a term ended by the daily job, and forged buttons refused.
 */
class OfficesEndToEndTests {

    static final long ADMIN = 9001;
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-05-01T06:00:00Z"));
    static final Set<Long> TRAINED = ConcurrentHashMap.newKeySet();
    private static final AtomicInteger CODES = new AtomicInteger(345_600_000);

    static FakeBotApi api;
    static FakeBot telegram;
    static TestApp app;

    /** The test's clock and training record: plain class, no stereotype, so scans never pick it up. */
    static class TestBeans {
        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }

        @Bean
        TrainingRecord testTrainingRecord() {
            return TRAINED::contains;
        }
    }

    @BeforeAll
    static void startApp() {
        api = FakeBotApi.start(0);
        telegram = api.bot(TestApp.TELEGRAM_TOKEN, Flavor.TELEGRAM, "hamyar_test_bot");
        app = TestApp.on(TestPostgres.newDatabase("offices"), api).with(TestBeans.class)
                .property("hamyar.admins", "telegram:" + ADMIN)
                .property("hamyar.outbound.chat-per-second", "50")
                .property("hamyar.outbound.chat-burst", "50")
                .property("hamyar.outbound.group-per-minute", "600")
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

    /** The first line of a text: enough to recognise a message whose later lines hold arguments. */
    static String head(String key, Object... args) {
        return t(key, args).split("\n")[0];
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

    /** Registers through the real form (Tehran, Tehran county); returns the member. */
    static MemberView member(Chatter c, String phone, String name) {
        MembershipEndToEndTests.register(c, phone, name, nationalCode());
        return app.bean(Membership.class).findByAccount(Platform.TELEGRAM, c.id()).orElseThrow();
    }

    /** A person on Telegram; replies may take a while on a busy build machine. */
    static Chatter chatter(long userId, String name) {
        return new Chatter(telegram, userId, name).withReplyTimeout(Duration.ofSeconds(20));
    }

    static County tehranCounty() {
        Regions regions = app.bean(Regions.class);
        int province = regions.provinces().stream().filter(p -> p.nameEn().equals("Tehran")).findFirst()
                .orElseThrow().id();
        return regions.searchCounties(province, "تهران").get(0);
    }

    static String find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertThat(m.find()).as("%s in %s", pattern, text).isTrue();
        return m.group(m.groupCount() > 0 ? 1 : 0);
    }

    @Test
    void anApplicationIsAskedAboutAnsweredAndApprovedAndTheLinkedGroupGetsOfficeAlerts() {
        Chatter founder = chatter(5001, "Sara");
        Chatter admin = chatter(ADMIN, "Admin");
        MemberView sara = member(founder, "+989125550001", "سارا محمدی");
        TRAINED.add(sara.id());

        founder.sends("/found").awaitReplyContaining(t("founding.ask_level"));
        founder.taps(t("founding.level.COUNTY")).awaitReplyContaining(t("founding.ask_province"));
        founder.taps("تهران").awaitReplyContaining(t("founding.ask_county", "تهران"));
        founder.sends("تهر").awaitReplyContaining(t("founding.ask_county", "تهران"));
        founder.taps("تهران").awaitReplyContaining(t("founding.ask_name"));
        founder.sends("همیار تهران").awaitReplyContaining(t("founding.ask_address"));
        founder.sends("تهران، خیابان انقلاب، پلاک ۱۲").awaitReplyContaining(t("founding.ask_tenure"));
        founder.taps(t("founding.tenure.LENT")).awaitReplyContaining(head("founding.ask_cofounders"));
        founder.taps(t("founding.no_cofounders")).awaitReplyContaining(t("founding.ask_background"));
        founder.sends("ده سال کار داوطلبانه در محله").awaitReplyContaining(t("founding.principle.FINANCIAL_INDEPENDENCE"));
        founder.taps(t("founding.principle_accept")).awaitReplyContaining(t("founding.principle.NO_PERSONAL_OR_PARTISAN_USE"));
        founder.taps(t("founding.principle_accept")).awaitReplyContaining(t("founding.principle.DONATIONS_ONLY_CENTRAL"));
        founder.taps(t("founding.principle_accept")).awaitReplyContaining(t("founding.principle.FOLLOW_POLICIES"));
        founder.taps(t("founding.principle_accept")).awaitReplyContaining(head("founding.summary"));
        SentMessage submitted = founder.taps(t("founding.submit")).awaitReplyContaining(head("founding.submitted"));
        String tracking = find(Pattern.compile("(F\\d{6})"), submitted.plainText());

        // the admin reviews: a question first
        admin.awaitReplyMatching(m -> m.plainText().contains(tracking) && m.inlineLabels().contains(t("founding.ask_more")));
        admin.taps(t("founding.ask_more")).awaitReplyContaining(t("founding.ask_question", tracking));
        admin.sends("اجاره‌نامه یا رضایت‌نامهٔ مالک دارید؟").awaitReplyContaining(t("founding.question_sent", tracking));

        // the applicant is told, in Persian with the Jalali date, and answers
        String today = JalaliDates.formatLong(CLOCK.instant(), Texts.FA);
        SentMessage question = founder.awaitReplyContaining(head("founding.notify_question", tracking, "x", today));
        assertThat(question.plainText()).contains("اجاره‌نامه").contains(today);
        founder.taps(t("founding.answer_button")).awaitReplyContaining(head("founding.ask_answer", tracking, "x"));
        founder.sends("بله، رضایت‌نامهٔ کتبی مالک را دارم").awaitReplyContaining(t("founding.answer_sent", tracking));

        // the answer returns to the review, with the buttons; the admin approves
        admin.awaitReplyMatching(m -> m.plainText().contains("کتبی مالک")
                && m.inlineLabels().contains(t("founding.approve")));
        admin.taps(t("founding.approve")).awaitReplyContaining(head("founding.approved_done", tracking, "x", "x"));

        OfficeView office = app.bean(Offices.class).countyOffice(tehranCounty().id()).orElseThrow();
        assertThat(office.name()).isEqualTo("همیار تهران");
        assertThat(office.foundingPermitNo()).matches("P1405-\\d{5}");
        assertThat(app.bean(Appointments.class).activeManagersOf(office.id())).containsExactly(sara.id());
        AppointmentView decree = app.bean(Appointments.class).activeOf(sara.id()).get(0);
        assertThat(decree.decreeNo()).matches("1405/\\d{6}");
        assertThat(app.jdbc().queryForObject("SELECT count(*) FROM audit_entry WHERE action = 'APPLICATION_APPROVED' "
                + "AND actor_user_id = ?", Integer.class, ADMIN)).isEqualTo(1);

        // the founder gets the decree at once, with the volunteer note, and the approval notice
        SentMessage decreeMessage = founder.awaitReplyContaining(decree.decreeNo());
        assertThat(decreeMessage.plainText()).contains(t("appointments.role.MANAGER"))
                .contains(JalaliDates.formatLong(decree.termEnd(), Texts.FA))
                .contains("هیچ ادعای مالی، حقوقی یا استخدامی");

        // /offices shows the office of my county with its manager and where donations go
        // (the approval notice, sent asynchronously, also names the office and may arrive after /offices is sent:
        // the card is the message that also names the manager)
        SentMessage card = founder.sends("/offices").awaitReplyMatching(
                m -> m.plainText().contains("همیار تهران") && m.plainText().contains("سارا محمدی"));
        assertThat(card.plainText()).contains("سارا محمدی").contains(t("offices.no_donation_link"));

        // the manager links the office group with a one-time code
        FakeGroup group = telegram.group(-1005001, "مدیران همیار تهران");
        SentMessage code = founder.sends("/linkcode").awaitReplyContaining("/link ");
        String linkCode = find(Pattern.compile("/link ([A-Z0-9]{8})"), code.plainText());
        Chatter inGroup = founder.inGroup(group);
        inGroup.sends("/link " + linkCode).awaitReplyContaining(head("offices.linked", "x").substring(0, 20));
        assertThat(app.bean(Offices.class).byGroup(Platform.TELEGRAM, group.id())).map(OfficeView::id)
                .contains(office.id());
        inGroup.sends("/link " + linkCode).awaitReplyContaining(t("offices.link_rejected.INVALID_CODE"));

        // an appointment in the office is announced in its group
        Chatter deputyChat = chatter(5002, "Reza");
        MemberView deputy = member(deputyChat, "+989125550002", "رضا کریمی");
        TRAINED.add(deputy.id());
        admin.sends("/appoint").awaitReplyContaining(t("appointments.ask_member"));
        admin.sends(deputy.referralCode()).awaitReplyContaining(t("appointments.ask_province"));
        admin.taps("تهران").awaitReplyContaining(t("appointments.ask_office"));
        admin.taps(t("offices.label", office.name(), t("offices.level.COUNTY"), "تهران"))
                .awaitReplyContaining(t("appointments.ask_role"));
        admin.taps(t("appointments.role.DEPUTY")).awaitReplyContaining(head("appointments.ask_term"));
        admin.taps(t("appointments.default_term")).awaitReplyContaining(head("appointments.confirm"));
        SentMessage issued = admin.taps(t("appointments.issue")).awaitReplyContaining("✅");
        String deputyDecree = find(Pattern.compile("(\\d{4}/\\d{6})"), issued.plainText());
        SentMessage alert = inGroup.awaitReplyContaining(deputyDecree);
        assertThat(alert.plainText()).contains("رضا کریمی").contains(t("appointments.role.DEPUTY"));
        deputyChat.awaitReplyContaining(deputyDecree);

        // the bot removed from the group: unlinked, and the managers are told in private
        telegram.injectMyChatMember(group, founder.user(), "kicked");
        founder.awaitReplyContaining(head("offices.notify_group_lost", "x").substring(0, 12));
        assertThat(app.bean(Offices.class).find(office.id()).orElseThrow().group()).isNull();
    }

    @Test
    void anIneligibleAppointmentIsRefusedWithTheReason() {
        Chatter admin = chatter(ADMIN, "Admin");
        Chatter untrained = chatter(5101, "Nima");
        MemberView nima = member(untrained, "+989125551001", "نیما احمدی");

        admin.sends("/appoint").awaitReplyContaining(t("appointments.ask_member"));
        admin.sends(nima.referralCode()).awaitReplyContaining(t("appointments.refused.TRAINING_NOT_COMPLETED"));
        assertThat(app.bean(Appointments.class).activeOf(nima.id())).isEmpty();

        Chatter stranger = chatter(5102, "Mina");
        member(stranger, "+989125551002", "مینا رضایی");
        stranger.sends("/appoint").awaitReplyContaining(t("appointments.not_allowed"));
    }

    @Test
    void theDailyJobEndsATermAndTheFormerManagerCanNoLongerAct() {
        Chatter manager = chatter(5201, "Omid");
        MemberView omid = member(manager, "+989125552001", "امید رحیمی");
        TRAINED.add(omid.id());
        County county = app.bean(Regions.class).counties(tehranCounty().provinceId()).stream()
                .filter(c -> c.id() != tehranCounty().id()).findFirst().orElseThrow();
        OfficeView office = app.bean(Offices.class).create(NewOffice.county(county.provinceId(), county.id(), "همیار آزمون"));
        LocalDate end = app.bean(Appointments.class).today().plusDays(3);
        IssueResult result = app.bean(Appointments.class).issue(new IssueAppointment(omid.id(), office.id(),
                AppointmentRole.MANAGER, null, end, Issuer.admin(Platform.TELEGRAM, ADMIN, null)));
        String decreeNo = ((IssueResult.Issued) result).appointment().decreeNo();
        manager.awaitReplyContaining(decreeNo);
        manager.sends("/linkcode").awaitReplyContaining("/link ");

        CLOCK.advance(Duration.ofDays(4));
        app.bean(OfficeJobs.class).runDaily();

        manager.awaitReplyContaining(head("appointments.notify_expired", "x", "x", decreeNo, "x").substring(0, 20));
        assertThat(app.bean(Appointments.class).isManagerOf(omid.id(), office.id())).isFalse();
        manager.sends("/linkcode").awaitReplyContaining(t("offices.linkcode_not_manager"));
    }

    @Test
    void aManagerOfOneOfficeCannotActOnAnotherWithForgedButtons() {
        Chatter managerA = chatter(5301, "Leila");
        MemberView leila = member(managerA, "+989125553001", "لیلا کاظمی");
        TRAINED.add(leila.id());
        Regions regions = app.bean(Regions.class);
        int isfahan = regions.provinces().stream().filter(p -> p.nameEn().equals("Isfahan")).findFirst().orElseThrow().id();
        County a = regions.counties(isfahan).get(0);
        County b = regions.counties(isfahan).get(1);
        Offices offices = app.bean(Offices.class);
        OfficeView officeA = offices.create(NewOffice.county(isfahan, a.id(), "همیار الف"));
        OfficeView officeB = offices.create(NewOffice.county(isfahan, b.id(), "همیار ب"));
        Appointments appointments = app.bean(Appointments.class);
        appointments.issue(new IssueAppointment(leila.id(), officeA.id(), AppointmentRole.MANAGER, null, null,
                Issuer.system()));
        Chatter other = chatter(5302, "Kian");
        MemberView kian = member(other, "+989125553002", "کیان نوری");
        TRAINED.add(kian.id());
        AppointmentView decreeB = ((IssueResult.Issued) appointments.issue(new IssueAppointment(kian.id(),
                officeB.id(), AppointmentRole.MANAGER, null, null, Issuer.system()))).appointment();
        SentMessage last = managerA.awaitReplyContaining(t("appointments.role.MANAGER"));

        // a link code for office B, a renewal and a revocation of B's decree: all refused, nothing changes
        telegram.injectCallback(managerA.user(), managerA.chatId(), last.messageId(), "lc:o:" + officeB.id());
        managerA.awaitReplyContaining(t("runtime.not_allowed"));
        telegram.injectCallback(managerA.user(), managerA.chatId(), last.messageId(), "dc:rn:" + decreeB.id());
        managerA.awaitReplyContaining(t("runtime.not_allowed"));
        telegram.injectCallback(managerA.user(), managerA.chatId(), last.messageId(), "rk:" + decreeB.id());
        managerA.awaitReplyContaining(t("runtime.not_allowed"));
        telegram.injectCallback(managerA.user(), managerA.chatId(), last.messageId(), "fa:ok:1");
        managerA.awaitReplyContaining(t("runtime.not_allowed"));

        assertThat(appointments.find(decreeB.id()).orElseThrow().isActive()).isTrue();
        assertThat(appointments.activeOf(kian.id())).extracting(AppointmentView::id).containsExactly(decreeB.id());
        assertThat(app.jdbc().queryForObject("SELECT count(*) FROM office_link_code WHERE office_id = ?",
                Integer.class, officeB.id())).isZero();
        assertThat(appointments.isManagerOf(leila.id(), officeB.id())).isFalse();
        Map<String, Object> unchanged = app.jdbc().queryForMap("SELECT status FROM appointment WHERE id = ?", decreeB.id());
        assertThat(unchanged.get("status")).isEqualTo("ACTIVE");
    }
}
