package ir.hamyar.bot.e2e;

import ir.hamyar.bot.fakeapi.CallbackAnswer;
import ir.hamyar.bot.fakeapi.FakeBot;
import ir.hamyar.bot.fakeapi.FakeBotApi;
import ir.hamyar.bot.fakeapi.FakeGroup;
import ir.hamyar.bot.fakeapi.Flavor;
import ir.hamyar.bot.fakeapi.SentMessage;
import ir.hamyar.bot.flow.reporting.ReportingJobs;
import ir.hamyar.bot.scenario.Chatter;
import ir.hamyar.domain.appointments.AppointmentRole;
import ir.hamyar.domain.appointments.Appointments;
import ir.hamyar.domain.appointments.IssueAppointment;
import ir.hamyar.domain.appointments.IssueResult;
import ir.hamyar.domain.appointments.Issuer;
import ir.hamyar.domain.appointments.TrainingRecord;
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
import ir.hamyar.domain.reporting.NewReport;
import ir.hamyar.domain.reporting.ProblemReporting;
import ir.hamyar.domain.reporting.SubmitResult;
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
import org.springframework.context.annotation.Primary;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 7 end to end: a citizen's report through the real /report form reaches the right office's group
 * (each routing level), managers act on the card (edited in place, the reporter told each status), reject and
 * forward from private chats, the follow-up reopens, a stranger's press changes nothing, an unacknowledged
 * report escalates on a moved clock, the daily limit and the duplicate prompt.
 */
class ReportingEndToEndTests {

    static final long ADMIN = 9701;
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-05-02T06:00:00Z"));
    static final Pattern CODE = Pattern.compile("R-[23456789A-Z]{5}");

    static FakeBotApi api;
    static FakeBot telegram;
    static TestApp app;

    private static final AtomicInteger NEXT_PROVINCE = new AtomicInteger(2);
    private static final AtomicInteger CODES = new AtomicInteger(45_678_000);
    private static final AtomicInteger PHONES = new AtomicInteger(3_000_000);
    private static final AtomicInteger GROUPS = new AtomicInteger(700_000);

    /** A movable clock, and a training record in which everybody is trained (so managers can be appointed). */
    public static class Beans {
        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }

        @Bean
        TrainingRecord everybodyTrained() {
            return memberId -> true;
        }
    }

    @BeforeAll
    static void startApp() {
        api = FakeBotApi.start(0);
        telegram = api.bot(TestApp.TELEGRAM_TOKEN, Flavor.TELEGRAM, "hamyar_test_bot");
        app = TestApp.on(TestPostgres.newDatabase("reporting"), api).with(Beans.class)
                .property("hamyar.admins", "telegram:" + ADMIN)
                .property("hamyar.outbound.chat-per-second", "50")
                .property("hamyar.outbound.chat-burst", "50")
                .property("hamyar.outbound.group-per-minute", "1000")
                .property("hamyar.outbound.bot-per-second", "2000")
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

    // ---------------------------------------------------------------- set-up through the domain façades

    record Area(Province province, County county, County otherCounty) {
    }

    /** A province no other test of this class uses, so that "one office per region" never clashes. */
    static Area freshArea() {
        Regions regions = app.bean(Regions.class);
        Province p = regions.provinces().get(NEXT_PROVINCE.getAndIncrement());
        List<County> counties = regions.counties(p.id());
        return new Area(p, counties.get(0), counties.get(1));
    }

    static MemberView member(County county, long userId, String name) {
        int nine = CODES.incrementAndGet();
        String digits = String.format("%09d", nine);
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
        }
        int r = sum % 11;
        RegistrationResult result = app.bean(Membership.class).register(new Registration(Platform.TELEGRAM, userId,
                userId, name, PhoneNumber.parse("0912" + PHONES.incrementAndGet()).orElseThrow(), true,
                new NationalCode(digits + (r < 2 ? r : 11 - r)), 1370, "BACHELOR", null, county.provinceId(),
                county.id(), Set.of("social"), "1", CLOCK.instant(), "fa", null));
        assertThat(result).isInstanceOf(RegistrationResult.Registered.class);
        return ((RegistrationResult.Registered) result).member();
    }

    /** An office with a linked fake group (linked through a one-time code, as a manager would). */
    static OfficeView officeWithGroup(NewOffice office, FakeGroup group) {
        Offices offices = app.bean(Offices.class);
        OfficeView created = offices.create(office);
        String code = offices.issueLinkCode(created.id(), CLOCK.instant()).code();
        offices.linkGroup(code, Platform.TELEGRAM, group.id(), CLOCK.instant());
        return offices.find(created.id()).orElseThrow();
    }

    /** A user of the fake Telegram; generous waits, as the machine may be busy building other things. */
    static Chatter person(long userId, String name) {
        return new Chatter(telegram, userId, name).withReplyTimeout(Duration.ofSeconds(20));
    }

    static FakeGroup newGroup(String title) {
        return telegram.group(-GROUPS.incrementAndGet(), title);
    }

    static void appoint(MemberView member, OfficeView office) {
        IssueResult r = app.bean(Appointments.class).issue(new IssueAppointment(member.id(), office.id(),
                AppointmentRole.MANAGER, null, null, Issuer.admin(Platform.TELEGRAM, ADMIN, null)));
        assertThat(r).isInstanceOf(IssueResult.Issued.class);
    }

    // ---------------------------------------------------------------- the /report form

    /** Walks the form to the point after the name choice; {@code place} is an address, or null to skip. */
    static void fillReport(Chatter c, String categoryKey, String title, byte[] photo, double[] location,
                           String place, boolean showName) {
        c.sends("/report").awaitReplyContaining(t("reporting.ask_category"));
        c.taps(t(categoryKey)).awaitReplyContaining(t("reporting.ask_title"));
        c.sends(title).awaitReplyContaining(t("reporting.ask_description"));
        c.sends("از هفتهٔ پیش مشکل ادامه دارد و اهالی آزرده‌اند.").awaitReplyContaining(t("reporting.ask_photos", 5));
        if (photo != null) {
            c.sendsPhoto(photo).awaitReplyContaining(t("reporting.photo_received", 1, 5));
        }
        c.taps(t("reporting.photos_done")).awaitReplyContaining(t("reporting.ask_location"));
        if (location != null) {
            c.sendsLocation(location[0], location[1]).awaitReplyContaining(t("reporting.location_received_more"));
        }
        if (place != null) {
            c.sends(place).awaitReplyContaining(t("reporting.ask_show_name"));
        } else {
            c.taps(t("common.skip")).awaitReplyContaining(t("reporting.ask_show_name"));
        }
        c.taps(t(showName ? "reporting.show_name_yes" : "reporting.show_name_no"));
    }

    /** Files a report through the whole form; returns its tracking code. */
    static String report(Chatter c, String title, byte[] photo, double[] location, String place, boolean showName) {
        fillReport(c, "reporting.category.infrastructure", title, photo, location, place, showName);
        c.awaitReplyMatching(m -> m.inlineLabels().contains(t("reporting.submit")));
        c.taps(t("reporting.submit"));
        String text = c.awaitReplyContaining(t("reporting.submitted", "X", "Y", 1).split("\n")[0]).plainText();
        Matcher m = CODE.matcher(text);
        assertThat(m.find()).as("tracking code in: %s", text).isTrue();
        return m.group();
    }

    static SentMessage awaitCard(long chatId, String code) {
        return telegram.awaitChange(chatId, 0, m -> m.attachment() == null && m.plainText().contains(code)
                && m.plainText().contains(t("reporting.card", code, "", "", "", "", "", "", 0, "", "").split("\n")[0]),
                Duration.ofSeconds(20));
    }

    static String status(String code) {
        return app.jdbc().queryForObject("SELECT status FROM problem_report WHERE tracking_code = ?", String.class, code);
    }

    static long reportId(String code) {
        return app.jdbc().queryForObject("SELECT id FROM problem_report WHERE tracking_code = ?", Long.class, code);
    }

    static CallbackAnswer awaitAnswer(String text) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> telegram.callbackAnswers().stream()
                .filter(a -> text.equals(a.text())).reduce((a, b) -> b), Optional::isPresent).orElseThrow();
    }

    // ---------------------------------------------------------------- tests

    @Test
    void aReportWithPhotoAndLocationReachesTheLocalCentreAndManagersWorkItToResolved() {
        Area area = freshArea();
        FakeGroup localGroup = newGroup("مرکز نارمک");
        officeWithGroup(NewOffice.province(area.province().id(), "دفتر استان"), newGroup("استان"));
        OfficeView county = officeWithGroup(NewOffice.county(area.province().id(), area.county().id(), "دفتر شهرستان"),
                newGroup("شهرستان"));
        OfficeView local = officeWithGroup(NewOffice.local(area.province().id(), area.county().id(), "نارمک",
                "مرکز محلهٔ نارمک"), localGroup);
        assertThat(local.parentId()).isEqualTo(county.id());
        MemberView managerMember = member(area.county(), 7101, "مدیر نارمک");
        appoint(managerMember, local);
        Chatter reporter = person(7102, "Reporter");
        member(area.county(), 7102, "زهرا کاظمی");

        // a shared location alone names no neighbourhood: the county office gets it
        String countyCode = report(reporter, "چاله‌های خیابان اصلی", null, new double[] {35.7, 51.4}, null, false);
        assertThat(awaitCard(county.group().chatId(), countyCode).plainText()).contains("openstreetmap.org/?mlat=35.70000");

        // with the neighbourhood typed too, the local centre gets it, with the photo and the exact location
        String localCode = report(reporter, "چراغ‌های پارک نارمک", new byte[] {7, 8, 9}, new double[] {35.73, 51.5},
                "نارمک", true);
        SentMessage card = awaitCard(localGroup.id(), localCode);
        assertThat(card.plainText()).contains("چراغ‌های پارک نارمک").contains("زهرا کاظمی").contains("نارمک")
                .contains("openstreetmap.org/?mlat=35.73000").contains(area.county().nameFa())
                .contains(t("reporting.category.infrastructure")).contains(t("reporting.status.NEW"));
        assertThat(card.inlineLabels()).contains(t("reporting.btn.ack"), t("reporting.btn.resolve"),
                t("reporting.btn.reject"), t("reporting.btn.forward"));
        assertThat(telegram.messages(localGroup.id())).anyMatch(m -> m.attachment() != null
                && m.plainText().contains(localCode));
        assertThat(telegram.messages(county.group().chatId())).noneMatch(m -> m.plainText().contains(localCode));

        Chatter manager = person(7101, "Manager").inGroup(localGroup);
        Chatter reporterWaits = person(7102, "Reporter");
        manager.taps(t("reporting.btn.ack"));
        SentMessage acknowledged = manager.awaitReplyMatching(m -> m.messageId() == card.messageId()
                && m.plainText().contains(t("reporting.status.ACKNOWLEDGED")));
        assertThat(acknowledged.edited()).isTrue();
        assertThat(acknowledged.plainText()).contains("مدیر نارمک");
        assertThat(acknowledged.inlineLabels()).doesNotContain(t("reporting.btn.ack")).contains(t("reporting.btn.resolve"));
        assertThat(reporterWaits.awaitReplyContaining(t("reporting.status.ACKNOWLEDGED")).plainText()).contains(localCode);

        manager.taps(t("reporting.btn.resolve"));
        SentMessage resolved = manager.awaitReplyMatching(m -> m.messageId() == card.messageId()
                && m.plainText().contains(t("reporting.status.RESOLVED")));
        assertThat(resolved.inlineLabels()).isEmpty();
        assertThat(reporterWaits.awaitReplyContaining(t("reporting.status.RESOLVED")).plainText()).contains(localCode);
        assertThat(telegram.messages(localGroup.id()).stream().filter(m -> m.attachment() == null
                && m.plainText().contains(localCode))).hasSize(1);
        assertThat(status(localCode)).isEqualTo("RESOLVED");

        // four weeks later the reporter is asked; "not fixed" reopens and alerts the office again
        CLOCK.advance(Duration.ofDays(29));
        app.bean(ReportingJobs.class).followUps();
        reporterWaits.awaitReplyContaining(t("reporting.followup_question", localCode, "x").split("\n")[0]);
        reporterWaits.taps(t("reporting.followup_no")).awaitReplyContaining(t("reporting.reopened_ok", localCode));
        assertThat(status(localCode)).isEqualTo("REOPENED");
        SentMessage again = telegram.awaitChange(localGroup.id(), resolved.revision(), m -> m.messageId() != card.messageId()
                && m.plainText().contains(t("reporting.card_reopened_in", "").strip()) && m.plainText().contains(localCode),
                Duration.ofSeconds(20));
        assertThat(again.inlineLabels()).contains(t("reporting.btn.ack"));
        assertThat(app.jdbc().queryForList("SELECT action FROM report_history WHERE report_id = ? ORDER BY id",
                String.class, reportId(localCode))).containsExactly("FILED", "ACKNOWLEDGED", "RESOLVED",
                "FOLLOW_UP_ASKED", "REOPENED");
    }

    @Test
    void routesToTheCountyOfficeWhenTheAreaHasNoLocalCentre() {
        Area area = freshArea();
        FakeGroup countyGroup = newGroup("شهرستان");
        officeWithGroup(NewOffice.province(area.province().id(), "دفتر استان"), newGroup("استان"));
        officeWithGroup(NewOffice.county(area.province().id(), area.county().id(), "دفتر شهرستان"), countyGroup);
        member(area.county(), 7201, "رضا محمدی");
        String code = report(person(7201, "Reza"), "آب قطع است", null, null, "محلهٔ بی‌مرکز", false);
        SentMessage card = awaitCard(countyGroup.id(), code);
        assertThat(card.plainText()).contains(t("reporting.reporter_anonymous")).doesNotContain("رضا محمدی")
                .contains(area.county().nameFa());
    }

    @Test
    void routesToTheProvinceOfficeWhenTheCountyHasNone() {
        Area area = freshArea();
        FakeGroup provinceGroup = newGroup("استان");
        officeWithGroup(NewOffice.province(area.province().id(), "دفتر استان"), provinceGroup);
        member(area.county(), 7301, "سارا احمدی");
        String code = report(person(7301, "Sara"), "پل خراب", null, null, null, false);
        awaitCard(provinceGroup.id(), code);
    }

    @Test
    void routesToTheAdminsWhenNoOfficeCoversTheArea() {
        Area area = freshArea();
        Chatter admin = person(ADMIN, "Admin");
        member(area.county(), 7401, "نیما صادقی");
        String code = report(person(7401, "Nima"), "جاده ناامن", null, null, null, false);
        SentMessage card = admin.awaitReplyContaining(code);
        assertThat(card.plainText()).contains(t("reporting.office_admins"));
        // an admin may act on it from their private chat
        admin.taps(t("reporting.btn.ack"));
        admin.awaitReplyMatching(m -> m.messageId() == card.messageId()
                && m.plainText().contains(t("reporting.status.ACKNOWLEDGED")));
        assertThat(status(code)).isEqualTo("ACKNOWLEDGED");
    }

    @Test
    void aStrangersPressOnTheCardChangesNothing() {
        Area area = freshArea();
        FakeGroup group = newGroup("شهرستان");
        OfficeView county = officeWithGroup(NewOffice.county(area.province().id(), area.county().id(), "دفتر"), group);
        appoint(member(area.county(), 7501, "مدیر"), county);
        member(area.county(), 7502, "گزارش‌دهنده");
        member(area.county(), 7503, "عضو عادی");
        String code = report(person(7502, "R"), "درخت افتاده", null, null, null, false);
        SentMessage card = awaitCard(group.id(), code);

        person(7503, "Member").inGroup(group).taps(t("reporting.btn.resolve"));
        awaitAnswer(t("reporting.only_managers"));
        person(7504, "Not a member").inGroup(group).taps(t("reporting.btn.ack"));
        await().atMost(Duration.ofSeconds(20)).until(() -> telegram.callbackAnswers().stream()
                .filter(a -> t("reporting.only_managers").equals(a.text())).count() >= 2);
        telegram.injectCallback(telegram.user(7503, "Member"), group.id(), card.messageId(), "rep:ack:" + 999_999);
        awaitAnswer(t("reporting.only_managers"));

        assertThat(status(code)).isEqualTo("NEW");
        assertThat(app.jdbc().queryForList("SELECT action FROM report_history WHERE report_id = ?", String.class,
                reportId(code))).containsExactly("FILED");
        assertThat(telegram.message(group.id(), card.messageId()).orElseThrow().edited()).isFalse();
    }

    @Test
    void aManagerRejectsWithAReasonInPrivateAndTheReporterIsTold() {
        Area area = freshArea();
        FakeGroup group = newGroup("شهرستان");
        OfficeView county = officeWithGroup(NewOffice.county(area.province().id(), area.county().id(), "دفتر"), group);
        appoint(member(area.county(), 7601, "مدیر رد"), county);
        member(area.county(), 7602, "گزارش‌دهنده");
        Chatter reporter = person(7602, "R");
        String code = report(reporter, "صدای بلند", null, null, null, false);
        SentMessage card = awaitCard(group.id(), code);

        Chatter managerPrivate = person(7601, "Manager");
        person(7601, "Manager").inGroup(group).taps(t("reporting.btn.reject"));
        awaitAnswer(t("reporting.check_private"));
        managerPrivate.awaitReplyContaining(code);
        managerPrivate.taps(t("reporting.write_reason")).awaitReplyContaining(t("reporting.ask_reason", code));
        managerPrivate.sends("مربوط به شهرداری است").awaitReplyContaining(t("reporting.rejected_done", code));

        assertThat(reporter.awaitReplyContaining("مربوط به شهرداری است").plainText()).contains(code);
        SentMessage rejected = telegram.awaitChange(group.id(), card.revision(), m -> m.messageId() == card.messageId()
                && m.plainText().contains(t("reporting.status.REJECTED")), Duration.ofSeconds(20));
        assertThat(rejected.inlineLabels()).isEmpty();
    }

    @Test
    void aManagerForwardsToAnotherOfficeAndBothOfficesAndTheReporterAreTold() {
        Area area = freshArea();
        FakeGroup from = newGroup("شهرستان یک");
        FakeGroup to = newGroup("شهرستان دو");
        OfficeView first = officeWithGroup(NewOffice.county(area.province().id(), area.county().id(), "دفتر یک"), from);
        officeWithGroup(NewOffice.county(area.province().id(), area.otherCounty().id(), "دفتر دو"), to);
        appoint(member(area.county(), 7701, "مدیر ارجاع"), first);
        member(area.county(), 7702, "گزارش‌دهنده");
        Chatter reporter = person(7702, "R");
        String code = report(reporter, "مرز دو شهرستان", null, null, null, false);
        SentMessage card = awaitCard(from.id(), code);

        Chatter managerPrivate = person(7701, "Manager");
        person(7701, "Manager").inGroup(from).taps(t("reporting.btn.forward"));
        managerPrivate.awaitReplyContaining(code);
        managerPrivate.taps(t("reporting.choose_office")).awaitReplyContaining(t("reporting.ask_forward_office", code));
        managerPrivate.taps("دفتر دو").awaitReplyContaining(t("reporting.ask_forward_note"));
        managerPrivate.sends("در حوزه شماست").awaitReplyContaining(t("reporting.forwarded_done", code, "دفتر دو"));

        SentMessage arrived = awaitCard(to.id(), code);
        assertThat(arrived.plainText()).contains("دفتر یک").contains("در حوزه شماست");
        telegram.awaitChange(from.id(), card.revision(), m -> m.messageId() == card.messageId()
                && m.plainText().contains(t("reporting.card_forwarded", "دفتر دو", "مدیر ارجاع"))
                && m.inlineLabels().isEmpty(), Duration.ofSeconds(20));
        reporter.awaitReplyContaining(t("reporting.notify_forwarded", code, "دفتر دو").split("\n")[0]);
    }

    @Test
    void anUnacknowledgedReportEscalatesToTheParentOfficesGroup() {
        Area area = freshArea();
        FakeGroup countyGroup = newGroup("شهرستان");
        FakeGroup provinceGroup = newGroup("استان");
        officeWithGroup(NewOffice.province(area.province().id(), "دفتر استان"), provinceGroup);
        officeWithGroup(NewOffice.county(area.province().id(), area.county().id(), "دفتر شهرستان کند"), countyGroup);
        member(area.county(), 7801, "گزارش‌دهنده");
        String code = report(person(7801, "R"), "فاضلاب روباز", null, null, null, false);
        awaitCard(countyGroup.id(), code);

        CLOCK.advance(Duration.ofHours(47));
        app.bean(ReportingJobs.class).escalate();
        CLOCK.advance(Duration.ofHours(2));
        app.bean(ReportingJobs.class).escalate();

        SentMessage raised = awaitCard(provinceGroup.id(), code);
        assertThat(raised.plainText()).contains("دفتر شهرستان کند");
        assertThat(raised.inlineLabels()).contains(t("reporting.btn.ack"));
        assertThat(app.jdbc().queryForList("SELECT action FROM report_history WHERE report_id = ? ORDER BY id",
                String.class, reportId(code))).containsExactly("FILED", "ESCALATED");
    }

    @Test
    void refusesAReportBeyondTheDailyLimit() {
        Area area = freshArea();
        MemberView m = member(area.county(), 7901, "پرکار");
        ProblemReporting reporting = app.bean(ProblemReporting.class);
        for (int i = 0; i < 5; i++) {
            assertThat(reporting.submit(new NewReport(m.id(), "other", "گزارش " + i, "شرح کامل مشکل", List.of(),
                    null, null, null, null, false))).isInstanceOf(SubmitResult.Submitted.class);
        }
        person(7901, "Busy").sends("/report").awaitReplyContaining(t("reporting.daily_limit", 5));
        assertThat(app.jdbc().queryForObject("SELECT count(*) FROM problem_report WHERE reporter_id = ?",
                Integer.class, m.id())).isEqualTo(5);
    }

    @Test
    void offersMeTooOnASimilarOpenReportInsteadOfADuplicate() {
        Area area = freshArea();
        officeWithGroup(NewOffice.county(area.province().id(), area.county().id(), "دفتر"), newGroup("شهرستان"));
        MemberView first = member(area.county(), 8001, "نفر اول");
        MemberView second = member(area.county(), 8002, "نفر دوم");
        SubmitResult filed = app.bean(ProblemReporting.class).submit(new NewReport(first.id(), "infrastructure",
                "آسفالت خراب کوچه", "شرح کامل مشکل", List.of(), null, null, null, null, false));
        String code = ((SubmitResult.Submitted) filed).report().trackingCode();

        Chatter c = person(8002, "Second");
        fillReport(c, "reporting.category.infrastructure", "خیابان خراب", null, null, null, false);
        SentMessage prompt = c.awaitReplyContaining("آسفالت خراب کوچه");
        assertThat(prompt.plainText()).contains(code);
        c.taps(t("reporting.me_too", "آسفالت خراب کوچه")).awaitReplyContaining(t("reporting.support_result.ADDED", code));

        assertThat(app.jdbc().queryForObject("SELECT count(*) FROM report_support WHERE member_id = ?", Integer.class,
                second.id())).isEqualTo(1);
        assertThat(app.jdbc().queryForObject("SELECT count(*) FROM problem_report WHERE reporter_id = ?", Integer.class,
                second.id())).isZero();
    }

    @Test
    void theReporterListsAndTracksTheirReports() {
        Area area = freshArea();
        member(area.county(), 8101, "پیگیر");
        Chatter c = person(8101, "Tracker");
        String code = report(c, "نیمکت شکسته", null, null, null, false);
        c.sends("/myreports").awaitReplyContaining(code);
        c.sends("/track " + code.toLowerCase()).awaitReplyContaining(t("reporting.status.NEW"));
        member(area.county(), 8102, "دیگری");
        person(8102, "Other").sends("/track " + code).awaitReplyContaining(t("reporting.track_not_found"));
    }

    @Test
    void aManagerListsTheOfficesOpenReportsFiltersThemAndSendsAPublicNote() {
        Area area = freshArea();
        OfficeView county = officeWithGroup(NewOffice.county(area.province().id(), area.county().id(), "دفتر فهرست"),
                newGroup("شهرستان"));
        appoint(member(area.county(), 8201, "مدیر فهرست"), county);
        MemberView citizen = member(area.county(), 8202, "شهروند");
        ProblemReporting reporting = app.bean(ProblemReporting.class);
        String road = ((SubmitResult.Submitted) reporting.submit(new NewReport(citizen.id(), "infrastructure",
                "جادهٔ خاکی", "شرح کامل مشکل", List.of(), null, null, null, null, false))).report().trackingCode();
        CLOCK.advance(Duration.ofMinutes(5));
        String clinic = ((SubmitResult.Submitted) reporting.submit(new NewReport(citizen.id(), "health",
                "درمانگاه بسته", "شرح کامل مشکل", List.of(), null, null, null, null, false))).report().trackingCode();

        Chatter manager = person(8201, "Manager");
        SentMessage list = manager.sends("/reports").awaitReplyContaining(road);
        assertThat(list.plainText()).contains(clinic);
        assertThat(list.plainText().indexOf(road)).isLessThan(list.plainText().indexOf(clinic)); // oldest first
        manager.taps(t("reporting.category.health"));
        SentMessage filtered = manager.awaitReplyMatching(m -> m.messageId() == list.messageId() && m.edited());
        assertThat(filtered.plainText()).contains(clinic).doesNotContain(road);
        assertThat(person(8202, "Citizen").sends("/reports").awaitReply().plainText())
                .isEqualTo(t("reporting.reports_not_manager"));

        Chatter reporter = person(8202, "Citizen");
        manager.sends("/track " + clinic).awaitReplyMatching(m -> m.inlineLabels().contains(t("reporting.btn.public_note")));
        manager.taps(t("reporting.btn.public_note")).awaitReplyContaining(t("reporting.ask_public_note", clinic));
        manager.sends("فردا بازدید می‌کنیم").awaitReplyContaining(t("reporting.public_note_saved"));
        assertThat(reporter.awaitReplyContaining("فردا بازدید می‌کنیم").plainText()).contains(clinic);
    }
}
