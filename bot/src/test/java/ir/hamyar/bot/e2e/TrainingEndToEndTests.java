package ir.hamyar.bot.e2e;

import ir.hamyar.bot.fakeapi.FakeBot;
import ir.hamyar.bot.fakeapi.FakeBotApi;
import ir.hamyar.bot.fakeapi.Flavor;
import ir.hamyar.bot.fakeapi.SentMessage;
import ir.hamyar.bot.flow.training.TrainingJobs;
import ir.hamyar.bot.scenario.Chatter;
import ir.hamyar.domain.appointments.AppointmentRole;
import ir.hamyar.domain.appointments.Appointments;
import ir.hamyar.domain.appointments.IssueAppointment;
import ir.hamyar.domain.appointments.IssueResult;
import ir.hamyar.domain.appointments.Issuer;
import ir.hamyar.domain.appointments.Refusal;
import ir.hamyar.domain.offices.NewOffice;
import ir.hamyar.domain.offices.Offices;
import ir.hamyar.domain.regions.Regions;
import ir.hamyar.domain.shared.Platform;
import ir.hamyar.domain.training.Audience;
import ir.hamyar.domain.training.CourseLevel;
import ir.hamyar.domain.training.CourseMode;
import ir.hamyar.domain.training.Creator;
import ir.hamyar.domain.training.NewCourse;
import ir.hamyar.domain.training.SessionView;
import ir.hamyar.domain.training.Training;
import ir.hamyar.messages.ChatText;
import ir.hamyar.messages.JalaliDates;
import ir.hamyar.messages.PersianText;
import ir.hamyar.messages.Texts;
import ir.hamyar.testing.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 6 end to end: a course created in the bot fills up, the third member waits and is promoted when a seat
 * frees; reminders, attendance, results, certificate and its verification (bot and URL); completion makes a
 * member eligible for an appointment.
 */
class TrainingEndToEndTests {

    static final long ADMIN = 9601;
    static final Instant START = Instant.parse("2026-11-23T08:00:00Z"); // 1405/09/02 11:30 in Tehran
    static final MutableClock CLOCK = new MutableClock(START);

    static FakeBotApi api;
    static FakeBot telegram;
    static TestApp app;

    /** Bean source for the test clock (a plain class, so component scans never pick it up). */
    static class ClockConfig {
        @Bean
        @Primary
        Clock trainingTestClock() {
            return CLOCK;
        }
    }

    @BeforeAll
    static void startApp() {
        api = FakeBotApi.start(0);
        telegram = api.bot(TestApp.TELEGRAM_TOKEN, Flavor.TELEGRAM, "hamyar_test_bot");
        app = TestApp.on(TestPostgres.newDatabase("training"), api).with(ClockConfig.class)
                .property("hamyar.admins", "telegram:" + ADMIN)
                .property("hamyar.training.job-every", "1h")
                .property("hamyar.training.public-url", "https://hamyar.example.org")
                .property("hamyar.outbound.chat-per-second", "50")
                .property("hamyar.outbound.chat-burst", "50")
                .start();
    }

    @AfterAll
    static void stopApp() {
        app.close();
        api.close();
    }

    @BeforeEach
    void resetClock() {
        setClock(START);
    }

    static void setClock(Instant at) {
        CLOCK.advance(Duration.between(CLOCK.instant(), at));
    }

    static String t(String key, Object... args) {
        return ChatText.htmlToPlain(Texts.get(Texts.FA, key, args));
    }

    static String when(Instant at) {
        return JalaliDates.formatDateTime(at, Texts.FA);
    }

    static String nationalCode(String eight, int last) {
        String nine = eight + last;
        return nine + MembershipEndToEndTests.check(nine);
    }

    static Chatter member(long id, String name, String phone, String code) {
        Chatter c = new Chatter(telegram, id, name);
        MembershipEndToEndTests.register(c, phone, name, code);
        return c;
    }

    @Test
    void aFullCourseWaitlistsTheThirdMemberWhoIsPromotedWhenASeatFrees() {
        Chatter admin = new Chatter(telegram, ADMIN, "Admin");
        admin.sends("/newcourse").awaitReplyContaining(t("training.ask_title"));
        admin.sends("آشنایی با همیار").awaitReplyContaining(t("training.ask_description"));
        admin.sends("دورهٔ مقدماتی برای اعضای تازه").awaitReplyContaining(t("training.ask_level"));
        admin.taps(t("training.level.INTRO")).awaitReplyContaining(t("training.ask_office"));
        admin.taps(t("training.national")).awaitReplyContaining(t("training.ask_mode"));
        admin.taps(t("training.mode.IN_PERSON")).awaitReplyContaining(t("training.ask_address"));
        admin.sends("تهران، خیابان آزادی، پلاک ۱۰").awaitReplyContaining(t("training.ask_sessions").substring(0, 20));
        admin.sends("1405/08/01 10:00").awaitReplyContaining(t("training.session_past"));
        admin.sends("۱۴۰۵/۰۹/۱۰ ۱۸:۳۰").awaitReplyMatching(m -> m.inlineLabels().contains(t("training.sessions_done")));
        admin.sends("1405/09/11 18:30").awaitReplyContaining(when(Instant.parse("2026-12-02T15:00:00Z")));
        admin.taps(t("training.sessions_done")).awaitReplyContaining(t("training.ask_duration"));
        admin.taps(t("training.minutes", 90)).awaitReplyContaining(t("training.ask_capacity"));
        admin.sends("۲").awaitReplyContaining(t("training.ask_deadline"));
        admin.taps(t("training.deadline_first_session")).awaitReplyContaining(t("training.ask_audience"));
        admin.taps(t("training.audience.ALL")).awaitReplyContaining(t("training.ask_approval"));
        admin.taps(t("common.no")).awaitReplyMatching(m -> m.inlineLabels().contains(t("common.confirm")));
        admin.taps(t("common.confirm")).awaitReplyContaining(t("training.created", "آشنایی با همیار"));
        long courseId = app.jdbc().queryForObject("SELECT id FROM course WHERE title = 'آشنایی با همیار'", Long.class);
        Instant first = Instant.parse("2026-12-01T15:00:00Z"); // 1405/09/10 18:30 Tehran
        assertThat(app.bean(Training.class).course(courseId).orElseThrow().sessions())
                .extracting(SessionView::startsAt).containsExactly(first, Instant.parse("2026-12-02T15:00:00Z"));

        Chatter ali = member(6101, "علی رضایی", "+989125550101", nationalCode("55500010", 1));
        Chatter sara = member(6102, "سارا محمدی", "+989125550102", nationalCode("55500010", 2));
        Chatter nima = member(6103, "نیما صادقی", "+989125550103", nationalCode("55500010", 3));
        String title = "آشنایی با همیار";
        String item = t("training.list_item", title, when(first));

        for (Chatter c : List.of(ali, sara)) {
            c.sends("/courses").awaitReplyMatching(m -> m.inlineLabels().contains(item));
            c.taps(item).awaitReplyMatching(m -> m.inlineLabels().contains(t("training.enrol")));
            c.taps(t("training.enrol")).awaitReplyContaining(t("training.enrolled", title));
        }
        nima.sends("/courses").awaitReplyMatching(m -> m.inlineLabels().contains(item));
        assertThat(nima.taps(item).awaitReplyMatching(m -> m.inlineLabels().contains(t("training.enrol"))).plainText())
                .contains(t("training.card", title, t("training.level.INTRO"), t("training.national"),
                        t("training.mode.IN_PERSON"), "x", "x", 0, 2, "x", "x", "x", "x").split("\n")[7]);
        nima.taps(t("training.enrol")).awaitReplyContaining(t("training.full", title, 1));
        nima.taps(t("training.join_waitlist")).awaitReplyContaining(t("training.waitlisted", title, 1));

        sara.taps(t("training.menu.mycourses")).awaitReplyContaining(t("training.my_status.ENROLLED"));
        sara.taps(title).awaitReplyMatching(m -> m.inlineLabels().contains(t("training.leave")));
        sara.taps(t("training.leave")).awaitReplyMatching(m -> m.inlineLabels().contains(t("training.leave_yes")));
        sara.taps(t("training.leave_yes")).awaitReplyContaining(t("training.left", title));

        SentMessage offer = nima.awaitReplyMatching(m -> m.inlineLabels().contains(t("training.confirm_offer")));
        assertThat(offer.plainText()).contains(t("training.promoted", title, when(START.plus(Duration.ofHours(24)))));
        nima.taps(t("training.confirm_offer")).awaitReplyContaining(t("training.offer_confirmed", title));
        assertThat(app.jdbc().queryForList("SELECT status FROM enrolment WHERE course_id = ? ORDER BY member_id",
                String.class, courseId)).containsExactly("ENROLLED", "CANCELLED", "ENROLLED");
    }

    @Test
    void remindersAttendanceResultsAndAVerifiedCertificateMakeAMemberEligible() throws Exception {
        Training training = app.bean(Training.class);
        TrainingJobs jobs = app.bean(TrainingJobs.class);
        Instant first = START.plus(Duration.ofDays(3));
        String title = "کارگاه حل مسئله";
        long courseId = training.create(new NewCourse(title, "دو جلسه", CourseLevel.BASIC, null, CourseMode.ONLINE,
                "https://meet.example.org/hamyar", List.of(new NewCourse.NewSession(first, 60),
                new NewCourse.NewSession(first.plus(Duration.ofDays(1)), 60)), 5, first.minus(Duration.ofHours(3)),
                null, Audience.ALL, null, false, 1, new Creator(null, Platform.TELEGRAM, ADMIN))).courseId();
        Chatter leila = member(6201, "لیلا کریمی", "+989125550201", nationalCode("55500020", 1));
        Chatter omid = member(6202, "امید نوری", "+989125550202", nationalCode("55500020", 2));
        String item = t("training.list_item", title, when(first));
        for (Chatter c : List.of(leila, omid)) {
            c.sends("/courses").awaitReplyMatching(m -> m.inlineLabels().contains(item));
            c.taps(item).awaitReplyMatching(m -> m.inlineLabels().contains(t("training.enrol")));
            c.taps(t("training.enrol")).awaitReplyContaining(t("training.enrolled", title));
        }
        long leilaId = memberId("+989125550201");
        long omidId = memberId("+989125550202");

        // reminders: a day before and an hour before, each once
        setClock(first.minus(Duration.ofHours(23)));
        assertThat(jobs.sendReminders()).isGreaterThanOrEqualTo(2);
        leila.awaitReplyContaining(t("training.reminder.DAY", title, when(first), PersianText.rtlLine("https://meet.example.org/hamyar")));
        assertThat(jobs.sendReminders()).isZero();
        setClock(first.minus(Duration.ofMinutes(45)));
        jobs.sendReminders();
        omid.awaitReplyContaining(t("training.reminder.HOUR", title, when(first), PersianText.rtlLine("https://meet.example.org/hamyar")));
        assertThat(app.jdbc().queryForObject("SELECT count(*) FROM training_reminder r JOIN course_session s"
                + " ON s.id = r.session_id WHERE s.course_id = ?", Integer.class, courseId)).isEqualTo(4);

        // attendance: Leila at both sessions, Omid at none
        Chatter admin = new Chatter(telegram, ADMIN, "Admin");
        List<SessionView> sessions = training.course(courseId).orElseThrow().sessions();
        for (SessionView s : sessions) {
            admin.sends("/runcourses").awaitReplyContaining(t("training.run_title"));
            admin.taps(t("training.run_item", title, t("training.status.OPEN")))
                    .awaitReplyMatching(m -> m.inlineLabels().contains(t("training.attendance")));
            admin.taps(t("training.attendance")).awaitReplyContaining(t("training.choose_session", title));
            String session = t("training.session_button", s.number(), when(s.startsAt()));
            admin.taps(session).awaitReplyMatching(m -> m.inlineLabels().contains(t("training.mark.NONE", "لیلا کریمی")));
            admin.taps(t("training.mark.NONE", "لیلا کریمی"))
                    .awaitReplyMatching(m -> m.inlineLabels().contains(t("training.mark.PRESENT", "لیلا کریمی")));
        }
        assertThat(app.jdbc().queryForObject("SELECT count(*) FROM attendance WHERE member_id = ? AND status = 'PRESENT'",
                Integer.class, leilaId)).isEqualTo(2);

        // the course ends: results by the attendance rule, confirmed by the admin
        setClock(sessions.get(1).endsAt().plusSeconds(60));
        assertThat(jobs.endCourses()).isGreaterThanOrEqualTo(1);
        admin.awaitReplyContaining(t("training.results_pending", title));
        admin.taps(t("training.results")).awaitReplyMatching(m -> m.inlineLabels()
                .contains(t("training.result.COMPLETED", "لیلا کریمی")));
        assertThat(admin.lastReply().inlineLabels()).contains(t("training.result.NOT_COMPLETED", "امید نوری"));
        assertThat(app.bean(Appointments.class).eligibility(leilaId, office(), AppointmentRole.MANAGER))
                .contains(Refusal.TRAINING_NOT_COMPLETED); // not before the results are confirmed
        admin.taps(t("training.results_confirm")).awaitReplyContaining(t("training.results_confirmed", title));

        SentMessage certificate = leila.awaitReplyMatching(m -> m.attachment() != null);
        assertThat(certificate.attachment().fileName()).endsWith(".png");
        assertThat(telegram.fileBytes(certificate.attachment().fileId())).startsWith(0x89, 'P', 'N', 'G');
        String code = app.jdbc().queryForObject("SELECT code FROM certificate WHERE member_id = ?", String.class, leilaId);
        assertThat(certificate.plainText()).contains(code);
        omid.awaitReplyContaining(t("training.not_completed", title));

        // the certificate verifies in the bot and at the public URL, showing only name, course and date
        omid.sends("/verify " + code.toLowerCase()).awaitReplyContaining("لیلا کریمی");
        assertThat(omid.lastReply().plainText()).contains(title).doesNotContain("+98912");
        omid.sends("/verify ABCD-EFGH").awaitReplyContaining(t("training.verify_unknown"));
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port()
                + "/verify/" + code)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("dir=\"rtl\"").contains("لیلا کریمی").contains(title);
        HttpResponse<String> missing = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port()
                + "/verify/2222-3333")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);

        // completion feeds appointment eligibility
        long office = office();
        Appointments appointments = app.bean(Appointments.class);
        IssueResult issued = appointments.issue(new IssueAppointment(leilaId, office, AppointmentRole.DEPUTY, null,
                null, Issuer.admin(Platform.TELEGRAM, ADMIN, null)));
        assertThat(issued).isInstanceOf(IssueResult.Issued.class);
        assertThat(appointments.issue(new IssueAppointment(omidId, office, AppointmentRole.DEPUTY, null, null,
                Issuer.admin(Platform.TELEGRAM, ADMIN, null)))).isEqualTo(new IssueResult.Refused(Refusal.TRAINING_NOT_COMPLETED));

        // as deputy of the office Leila may create courses for it, and only for it
        leila.sends("/newcourse").awaitReplyContaining(t("training.ask_title"));
        leila.sends("دورهٔ دفتر").awaitReplyContaining(t("training.ask_description"));
        leila.sends("برای اعضای استان").awaitReplyContaining(t("training.ask_level"));
        SentMessage offices = leila.taps(t("training.level.BASIC")).awaitReplyContaining(t("training.ask_office"));
        assertThat(offices.inlineLabels()).contains("دفتر استانی آزمایشی").doesNotContain(t("training.national"));
        telegram.injectCallback(leila.user(), leila.chatId(), offices.messageId(), "nc:off:nat");
        leila.awaitReplyContaining(t("training.not_allowed"));
        leila.taps("دفتر استانی آزمایشی").awaitReplyContaining(t("training.ask_mode"));
        omid.sends("/newcourse").awaitReplyContaining(t("training.not_allowed"));
    }

    private static long memberId(String phone) {
        return app.jdbc().queryForObject("SELECT id FROM member WHERE phone_e164 = ?", Long.class, phone);
    }

    private static Long officeId;

    private static synchronized long office() {
        if (officeId == null) {
            int province = app.bean(Regions.class).provinces().get(7).id();
            officeId = app.bean(Offices.class).create(NewOffice.province(province, "دفتر استانی آزمایشی")).id();
        }
        return officeId;
    }
}
