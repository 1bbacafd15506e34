package ir.hamyar.bot.e2e;

import ir.hamyar.bot.fakeapi.Attachment;
import ir.hamyar.bot.fakeapi.FakeBot;
import ir.hamyar.bot.fakeapi.FakeBotApi;
import ir.hamyar.bot.fakeapi.Flavor;
import ir.hamyar.bot.fakeapi.SentMessage;
import ir.hamyar.bot.scenario.Chatter;
import ir.hamyar.domain.appointments.AppointmentRole;
import ir.hamyar.domain.appointments.Appointments;
import ir.hamyar.domain.appointments.IssueAppointment;
import ir.hamyar.domain.appointments.IssueResult;
import ir.hamyar.domain.appointments.Issuer;
import ir.hamyar.domain.appointments.TrainingRecord;
import ir.hamyar.domain.audit.AuditEntry;
import ir.hamyar.domain.audit.AuditFilter;
import ir.hamyar.domain.audit.AuditTrail;
import ir.hamyar.domain.membership.MemberView;
import ir.hamyar.domain.membership.Membership;
import ir.hamyar.domain.membership.Registration;
import ir.hamyar.domain.membership.RegistrationResult;
import ir.hamyar.domain.offices.NewOffice;
import ir.hamyar.domain.offices.OfficeView;
import ir.hamyar.domain.offices.Offices;
import ir.hamyar.domain.regions.County;
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
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Bean;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9's statistics and exports end to end: an admin's /stats covers the network, a county manager's only their
 * office and county (another office's members and reports stay out); the charts arrive as photos; /export sends a
 * CSV of the caller's scope and leaves an audit entry.
 */
class StatsEndToEndTests {

    static final long ADMIN = 9801;
    static final long MANAGER_A = 9811;
    static final long MEMBER = 9821;

    static FakeBotApi api;
    static FakeBot telegram;
    static TestApp app;
    static OfficeView officeA;
    static OfficeView officeB;
    static final List<MemberView> inA = new ArrayList<>();

    private static final AtomicInteger CODES = new AtomicInteger(56_789_000);
    private static final AtomicInteger PHONES = new AtomicInteger(4_000_000);
    private static final AtomicInteger USERS = new AtomicInteger(7_000_000);

    public static class Beans {
        @Bean
        TrainingRecord everybodyTrained() {
            return memberId -> true;
        }
    }

    @BeforeAll
    static void startApp() {
        api = FakeBotApi.start(0);
        telegram = api.bot(TestApp.TELEGRAM_TOKEN, Flavor.TELEGRAM, "hamyar_test_bot");
        app = TestApp.on(TestPostgres.newDatabase("stats"), api).with(Beans.class)
                .property("hamyar.admins", "telegram:" + ADMIN)
                .property("hamyar.outbound.chat-per-second", "50")
                .property("hamyar.outbound.chat-burst", "50")
                .property("hamyar.outbound.bot-per-second", "2000")
                .start();

        Regions regions = app.bean(Regions.class);
        List<County> counties = regions.counties(regions.provinces().get(5).id());
        County a = counties.get(0);
        County b = counties.get(1);
        Offices offices = app.bean(Offices.class);
        officeA = offices.create(NewOffice.county(a.provinceId(), a.id(), "دفتر الف"));
        officeB = offices.create(NewOffice.county(b.provinceId(), b.id(), "دفتر ب"));

        MemberView manager = member(a, MANAGER_A, "مدیر الف");
        inA.add(manager);
        inA.add(member(a, MEMBER, "عضو الف"));
        inA.add(member(a, USERS.incrementAndGet(), "رضا کریمی"));
        List<MemberView> inB = new ArrayList<>();
        for (String name : List.of("سارا بهاری", "نادر بهاری", "پریا بهاری", "کاوه بهاری", "مینا بهاری")) {
            inB.add(member(b, USERS.incrementAndGet(), name));
        }
        IssueResult issued = app.bean(Appointments.class).issue(new IssueAppointment(manager.id(), officeA.id(),
                AppointmentRole.MANAGER, null, null, Issuer.admin(Platform.TELEGRAM, ADMIN, null)));
        assertThat(issued).isInstanceOf(IssueResult.Issued.class);

        report(inA.get(1), "health");
        report(inB.get(0), "environment");
        report(inB.get(1), "environment");
    }

    @AfterAll
    static void stopApp() {
        app.close();
        api.close();
    }

    static String t(String key, Object... args) {
        return ChatText.htmlToPlain(Texts.get(Texts.FA, key, args));
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
                county.id(), Set.of("social"), "1", java.time.Instant.now(), "fa", null));
        assertThat(result).isInstanceOf(RegistrationResult.Registered.class);
        return ((RegistrationResult.Registered) result).member();
    }

    static void report(MemberView reporter, String category) {
        SubmitResult r = app.bean(ProblemReporting.class).submit(new NewReport(reporter.id(), category,
                "مشکل محله", "شرح کامل مشکل محله", List.of(), null, null, null, null, false));
        assertThat(r).isInstanceOf(SubmitResult.Submitted.class);
    }

    static Chatter person(long userId, String name) {
        return new Chatter(telegram, userId, name).withReplyTimeout(Duration.ofSeconds(30));
    }

    static List<SentMessage> awaitPhotos(Chatter c, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            List<SentMessage> photos = telegram.messages(c.chatId()).stream()
                    .filter(m -> m.attachment() != null && m.attachment().kind() == Attachment.Kind.PHOTO).toList();
            if (photos.size() >= count) {
                return photos;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return List.of();
    }

    @Test
    void managerSeesOnlyTheirOfficesFiguresWhileTheAdminSeesTheNetwork() {
        Chatter manager = person(MANAGER_A, "مدیر");
        String mine = manager.sends("/stats").awaitReplyContaining(t("stats.members", 3)).plainText();
        assertThat(mine).contains(t("stats.title_scope", "دفتر الف", "").split("—")[0].strip());
        assertThat(mine).contains(t("stats.reports", 1)).doesNotContain("دفتر ب")
                .doesNotContain(t("stats.members", 8));
        List<SentMessage> photos = awaitPhotos(manager, 2);
        assertThat(photos).hasSize(2);
        for (SentMessage photo : photos) {
            byte[] png = telegram.fileBytes(photo.attachment().fileId());
            assertThat(png).startsWith(0x89, 'P', 'N', 'G');
            assertThat(png.length).isGreaterThan(10_000);
        }

        Chatter admin = person(ADMIN, "ادمین");
        String network = admin.sends("/stats").awaitReplyContaining(t("stats.members", 8)).plainText();
        assertThat(network).contains(t("stats.reports", 3)).contains("دفتر ب");
        assertThat(awaitPhotos(admin, 2)).hasSize(2);
    }

    @Test
    void aPlainMemberIsRefused() {
        Chatter member = person(MEMBER, "عضو");
        member.sends("/stats").awaitReplyContaining(t("stats.not_allowed"));
        member.sends("/export").awaitReplyContaining(t("stats.not_allowed"));
    }

    @Test
    void managerExportsTheirCountysMembersAsCsvAndTheExportIsAudited() throws Exception {
        Chatter manager = person(MANAGER_A, "مدیر");
        manager.sends("/export").awaitReplyContaining(t("stats.export.choose", "دفتر الف").split("\n")[0]);
        manager.taps(t("stats.export.kind.members"));
        SentMessage doc = manager.awaitReplyMatching(m -> m.attachment() != null
                && m.attachment().kind() == Attachment.Kind.DOCUMENT);
        assertThat(doc.attachment().fileName()).startsWith("hamyar-members-").endsWith(".csv");
        byte[] bytes = telegram.fileBytes(doc.attachment().fileId());
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        List<CSVRecord> rows = CSVFormat.RFC4180.parse(new StringReader(
                new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8))).getRecords();

        assertThat(rows.get(0).get(1)).isEqualTo("نام و نام خانوادگی");
        assertThat(rows.subList(1, rows.size())).extracting(r -> r.get(1))
                .containsExactlyInAnyOrder("مدیر الف", "عضو الف", "رضا کریمی");
        assertThat(rows.subList(1, rows.size())).extracting(r -> r.get(2))
                .containsExactlyInAnyOrderElementsOf(inA.stream().map(MemberView::phone).toList());

        List<AuditEntry> audited = app.bean(AuditTrail.class).list(new AuditFilter("MEMBERS", null, null, null,
                "DATA_EXPORTED", null, null, 10));
        assertThat(audited).anySatisfy(e -> {
            assertThat(e.officeId()).isEqualTo(officeA.id());
            assertThat(e.reason()).isEqualTo("3");
            assertThat(e.actor().userId()).isEqualTo(MANAGER_A);
        });
    }

    @Test
    void adminExportsEveryReportOfTheNetwork() throws Exception {
        Chatter admin = person(ADMIN, "ادمین");
        admin.sends("/export").awaitReplyMatching(m -> m.inlineLabels().contains(t("stats.export.kind.reports")));
        admin.taps(t("stats.export.kind.reports"));
        SentMessage doc = admin.awaitReplyMatching(m -> m.attachment() != null
                && m.attachment().kind() == Attachment.Kind.DOCUMENT);
        byte[] bytes = telegram.fileBytes(doc.attachment().fileId());
        List<CSVRecord> rows = CSVFormat.RFC4180.parse(new StringReader(
                new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8))).getRecords();
        assertThat(rows).hasSize(4);
        assertThat(rows.subList(1, rows.size())).extracting(r -> r.get(4))
                .containsExactlyInAnyOrder("دفتر الف", "دفتر ب", "دفتر ب");
        assertThat(app.bean(AuditTrail.class).list(new AuditFilter("REPORTS", null, null, null, "DATA_EXPORTED",
                null, null, 10))).anySatisfy(e -> {
                    assertThat(e.officeId()).isNull();
                    assertThat(e.reason()).isEqualTo("3");
                });
    }
}
