package ir.hamyar.bot.e2e;

import ir.hamyar.bot.fakeapi.CallbackAnswer;
import ir.hamyar.bot.fakeapi.FakeBot;
import ir.hamyar.bot.fakeapi.FakeBotApi;
import ir.hamyar.bot.fakeapi.Flavor;
import ir.hamyar.bot.fakeapi.SentMessage;
import ir.hamyar.bot.scenario.Chatter;
import ir.hamyar.domain.access.Role;
import ir.hamyar.domain.access.Roles;
import ir.hamyar.domain.appointments.AppointmentRole;
import ir.hamyar.domain.appointments.Appointments;
import ir.hamyar.domain.appointments.IssueAppointment;
import ir.hamyar.domain.appointments.IssueResult;
import ir.hamyar.domain.appointments.Issuer;
import ir.hamyar.domain.appointments.TrainingRecord;
import ir.hamyar.domain.audit.AuditEntry;
import ir.hamyar.domain.audit.AuditFilter;
import ir.hamyar.domain.audit.AuditTrail;
import ir.hamyar.domain.membership.MemberStatus;
import ir.hamyar.domain.membership.MemberView;
import ir.hamyar.domain.membership.Membership;
import ir.hamyar.domain.membership.Registration;
import ir.hamyar.domain.membership.RegistrationResult;
import ir.hamyar.domain.offices.NewOffice;
import ir.hamyar.domain.offices.OfficeView;
import ir.hamyar.domain.offices.Offices;
import ir.hamyar.domain.regions.County;
import ir.hamyar.domain.regions.Province;
import ir.hamyar.domain.regions.Regions;
import ir.hamyar.domain.shared.NationalCode;
import ir.hamyar.domain.shared.PhoneNumber;
import ir.hamyar.domain.shared.Platform;
import ir.hamyar.messages.ChatText;
import ir.hamyar.messages.Texts;
import ir.hamyar.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 9's console end to end: {@code /roles} grants a role the grantee feels at once in {@code /admin} (and a
 * revocation takes it away), {@code /suspend} tells the member and stops their reports until {@code /reinstate},
 * {@code /audit} shows admins every office and a manager only theirs, and forged buttons change nothing.
 */
class AdminConsoleEndToEndTests {

    static final long ADMIN = 9801;

    static FakeBotApi api;
    static FakeBot telegram;
    static TestApp app;

    private static final AtomicInteger NEXT_PROVINCE = new AtomicInteger(3);
    private static final AtomicInteger CODES = new AtomicInteger(56_789_000);
    private static final AtomicInteger PHONES = new AtomicInteger(4_000_000);

    /** Everybody is trained, so managers can be appointed. */
    static class Beans {
        @Bean
        TrainingRecord everybodyTrained() {
            return memberId -> true;
        }
    }

    @BeforeAll
    static void startApp() {
        api = FakeBotApi.start(0);
        telegram = api.bot(TestApp.TELEGRAM_TOKEN, Flavor.TELEGRAM, "hamyar_test_bot");
        app = TestApp.on(TestPostgres.newDatabase("adminui"), api).with(Beans.class)
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

    static Chatter person(long userId, String name) {
        return new Chatter(telegram, userId, name).withReplyTimeout(Duration.ofSeconds(20));
    }

    static County freshCounty(int index) {
        Regions regions = app.bean(Regions.class);
        Province p = regions.provinces().get(NEXT_PROVINCE.getAndIncrement());
        return regions.counties(p.id()).get(index);
    }

    static MemberView member(County county, long userId, String name) {
        String digits = String.format("%09d", CODES.incrementAndGet());
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
        }
        int r = sum % 11;
        RegistrationResult result = app.bean(Membership.class).register(new Registration(Platform.TELEGRAM, userId,
                userId, name, PhoneNumber.parse("0912" + PHONES.incrementAndGet()).orElseThrow(), true,
                new NationalCode(digits + (r < 2 ? r : 11 - r)), 1370, "BACHELOR", null, county.provinceId(),
                county.id(), Set.of("social"), "1", Instant.now(), "fa", null));
        assertThat(result).isInstanceOf(RegistrationResult.Registered.class);
        return ((RegistrationResult.Registered) result).member();
    }

    static void appoint(MemberView member, OfficeView office) {
        IssueResult r = app.bean(Appointments.class).issue(new IssueAppointment(member.id(), office.id(),
                AppointmentRole.MANAGER, null, null, Issuer.admin(Platform.TELEGRAM, ADMIN, null)));
        assertThat(r).isInstanceOf(IssueResult.Issued.class);
    }

    static List<CallbackAnswer> answersContaining(String fragment) {
        return telegram.callbackAnswers().stream().filter(a -> a.text() != null && a.text().contains(fragment))
                .toList();
    }

    @Test
    void aRoleGrantedInTheChatOpensTheAdminMenuToTheGranteeAndARevocationClosesIt() {
        MemberView grantee = member(freshCounty(0), 9811, "Grantee");
        Chatter g = person(9811, "Grantee");
        g.sends("/admin").awaitReplyContaining(t("admin.menu.none"));

        Chatter admin = person(ADMIN, "Admin");
        admin.sends("/admin").awaitReplyMatching(m -> m.inlineLabels().contains(t("admin.menu.roles")));
        admin.taps(t("admin.menu.roles")).awaitReplyMatching(m -> m.inlineLabels().contains(t("admin.roles.grant")));
        admin.taps(t("admin.roles.grant")).awaitReplyContaining(t("admin.roles.ask_who").split("\n")[0]);
        admin.sends("nosuchcd").awaitReplyContaining(t("admin.roles.who_unknown"));
        admin.sends("https://t.me/hamyar_test_bot?start=ref_" + grantee.referralCode())
                .awaitReplyMatching(m -> m.inlineLabels().contains(t("admin.role.ADMIN")));
        admin.taps(t("admin.role.ADMIN")).awaitReplyContaining(grantee.referralCode());
        assertThat(app.bean(Roles.class).of(Platform.TELEGRAM, 9811)).as("nothing before confirming").isEmpty();
        admin.taps(t("common.confirm")).awaitReplyContaining(grantee.referralCode());

        g.awaitReplyContaining(t("admin.roles.granted_notice", t("admin.role.ADMIN")));
        assertThat(app.bean(Roles.class).of(Platform.TELEGRAM, 9811)).containsExactly(Role.ADMIN);
        g.sends("/admin").awaitReplyMatching(m -> m.plainText().contains(t("admin.menu.title_admin"))
                && m.inlineLabels().contains(t("admin.menu.suspend")));

        admin.sends("/roles").awaitReplyContaining(grantee.referralCode());
        admin.taps(t("admin.roles.revoke_button", t("admin.role.ADMIN"),
                t("admin.member", "Grantee", grantee.referralCode())));
        admin.awaitReplyMatching(m -> m.inlineLabels().contains(t("common.confirm")));
        admin.taps(t("common.confirm")).awaitReplyContaining(t("admin.roles.revoked", t("admin.role.ADMIN"),
                t("admin.member", "Grantee", grantee.referralCode())));
        g.sends("/admin").awaitReplyContaining(t("admin.menu.none"));
        assertThat(app.bean(AuditTrail.class).list(AuditFilter.subject(Roles.SUBJECT, 9811)))
                .extracting(AuditEntry::action).containsExactly(Roles.REVOKED, Roles.GRANTED);
    }

    @Test
    void aSuspendedMemberIsToldWhyCannotReportAndMayAgainOnceReinstated() {
        MemberView member = member(freshCounty(0), 9821, "Suspended");
        Chatter m = person(9821, "Suspended");
        Chatter admin = person(ADMIN, "Admin");

        admin.sends("/suspend").awaitReplyContaining(t("admin.suspend.ask_who"));
        admin.sends(member.referralCode().toUpperCase()).awaitReplyContaining(member.referralCode());
        admin.sends("انتشار آگهی تجاری در گروه").awaitReplyMatching(r -> r.inlineLabels().contains(t("common.confirm")));
        assertThat(app.bean(Membership.class).find(member.id()).orElseThrow().status()).isEqualTo(MemberStatus.ACTIVE);
        admin.taps(t("common.confirm")).awaitReplyContaining(member.referralCode());

        m.awaitReplyContaining(t("admin.suspend.notice", "انتشار آگهی تجاری در گروه").split("\n")[1]);
        m.sends("/report").awaitReplyContaining(t("membership.suspended"));
        AuditEntry entry = app.bean(AuditTrail.class).list(AuditFilter.subject(Membership.AUDIT_SUBJECT, member.id()))
                .get(0);
        assertThat(entry.action()).isEqualTo(Membership.SUSPENDED_AUDIT);
        assertThat(entry.reason()).isEqualTo("انتشار آگهی تجاری در گروه");
        assertThat(entry.actor().userId()).isEqualTo(ADMIN);

        admin.sends("/reinstate " + member.referralCode()).awaitReplyContaining(member.referralCode());
        admin.sends("توضیح داد و پذیرفت").awaitReplyMatching(r -> r.inlineLabels().contains(t("common.confirm")));
        admin.taps(t("common.confirm")).awaitReplyContaining(member.referralCode());
        m.awaitReplyContaining(t("admin.reinstate.notice", "توضیح داد و پذیرفت").split("\n")[0]);
        m.sends("/report").awaitReplyContaining(t("reporting.ask_category"));
        m.sends("/cancel").awaitReply();
    }

    @Test
    void auditShowsAdminsEveryOfficeAndAManagerOnlyTheirs() {
        County county = freshCounty(0);
        County other = app.bean(Regions.class).counties(county.provinceId()).get(1);
        Offices offices = app.bean(Offices.class);
        OfficeView a = offices.create(NewOffice.county(county.provinceId(), county.id(), "دفتر آزمایشی الف"));
        OfficeView b = offices.create(NewOffice.county(other.provinceId(), other.id(), "دفتر آزمایشی ب"));
        MemberView managerA = member(county, 9831, "Manager A");
        MemberView managerB = member(other, 9832, "Manager B");
        appoint(managerA, a);
        appoint(managerB, b);
        member(county, 9833, "Plain");

        Chatter admin = person(ADMIN, "Admin");
        String issued = t("admin.audit.action.APPOINTMENT_ISSUED");
        admin.sends("/audit");
        SentMessage all = admin.awaitReplyContaining(issued);
        assertThat(all.plainText()).contains("دفتر آزمایشی الف", "دفتر آزمایشی ب");
        admin.taps(t("admin.audit.by_type")).awaitReplyContaining(t("admin.audit.choose_type").split("\n")[0]);
        admin.taps(t("admin.audit.action.MEMBER_SUSPENDED"));
        SentMessage suspensions = admin.awaitReplyContaining(t("admin.audit.filters",
                t("admin.audit.action.MEMBER_SUSPENDED"), t("admin.audit.any"), t("admin.audit.any")));
        assertThat(suspensions.plainText()).doesNotContain(issued);

        Chatter manager = person(9831, "Manager A");
        manager.sends("/admin").awaitReplyMatching(r -> r.inlineLabels().contains(t("admin.menu.audit")));
        assertThat(manager.lastReply().inlineLabels()).doesNotContain(t("admin.menu.roles"), t("admin.menu.suspend"));
        manager.taps(t("admin.menu.audit"));
        SentMessage mine = manager.awaitReplyContaining(issued);
        assertThat(mine.plainText()).contains("دفتر آزمایشی الف").doesNotContain("دفتر آزمایشی ب");

        int answersBefore = answersContaining(t("admin.audit.office_not_yours")).size();
        telegram.injectCallback(manager.user(), manager.chatId(), mine.messageId(), "au:p:0:-:" + b.id() + ":-");
        await().atMost(Duration.ofSeconds(20)).until(
                () -> answersContaining(t("admin.audit.office_not_yours")).size() > answersBefore);
        assertThat(manager.lastReply().plainText()).doesNotContain("دفتر آزمایشی ب");

        Chatter plain = person(9833, "Plain");
        plain.sends("/audit").awaitReplyContaining(t("runtime.not_allowed"));
        plain.sends("/roles").awaitReplyContaining(t("runtime.not_allowed"));
        plain.sends("/suspend").awaitReplyContaining(t("runtime.not_allowed"));
        int refusedBefore = answersContaining(t("runtime.not_allowed")).size();
        telegram.injectCallback(plain.user(), plain.chatId(), mine.messageId(), "au:p:0:-:-:-");
        await().atMost(Duration.ofSeconds(20)).until(
                () -> answersContaining(t("runtime.not_allowed")).size() > refusedBefore);
        int staleBefore = answersContaining(t("runtime.callback_stale")).size();
        telegram.injectCallback(plain.user(), plain.chatId(), mine.messageId(), "rl:rv:T:" + 9831 + ":A");
        telegram.injectCallback(plain.user(), plain.chatId(), mine.messageId(), "md:ok:yes");
        await().atMost(Duration.ofSeconds(20)).until(
                () -> answersContaining(t("runtime.callback_stale")).size() >= staleBefore + 2);
        assertThat(app.bean(Roles.class).all()).noneMatch(g -> g.userId() == 9831);
        assertThat(app.bean(Membership.class).find(managerA.id()).orElseThrow().status())
                .isEqualTo(MemberStatus.ACTIVE);
    }
}
