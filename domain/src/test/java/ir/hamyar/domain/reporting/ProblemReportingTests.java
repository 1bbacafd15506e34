package ir.hamyar.domain.reporting;

import ir.hamyar.domain.appointments.AppointmentRole;
import ir.hamyar.domain.appointments.DomainScenario;
import ir.hamyar.domain.membership.MemberView;
import ir.hamyar.domain.offices.OfficeView;
import ir.hamyar.domain.regions.County;
import ir.hamyar.domain.regions.Province;
import ir.hamyar.domain.shared.Platform;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7 in the domain: filing, routing, the status machine and its authority, escalation, follow-up. Runs
 * in a context (and so a database) of its own, with its own turn through the provinces, so that its offices
 * never take a region the offices tests expect free.
 */
@TestPropertySource(properties = "hamyar.reporting.daily-limit=5")
class ProblemReportingTests extends DomainScenario {

    private static final AtomicInteger PROVINCES = new AtomicInteger();

    @Autowired
    ProblemReporting reporting;

    @Override
    protected Province freshProvince() {
        List<Province> all = regions.provinces();
        return all.get(PROVINCES.getAndIncrement() % all.size());
    }

    private NewReport report(MemberView reporter, String category, String title) {
        return new NewReport(reporter.id(), category, title, "شرح کامل مشکل در محله", List.of(), null, null, null,
                null, false);
    }

    private ReportView file(NewReport r) {
        SubmitResult result = reporting.submit(r);
        assertThat(result).isInstanceOf(SubmitResult.Submitted.class);
        return ((SubmitResult.Submitted) result).report();
    }

    private SubmitResult.Reason refusal(NewReport r) {
        SubmitResult result = reporting.submit(r);
        assertThat(result).isInstanceOf(SubmitResult.Rejected.class);
        return ((SubmitResult.Rejected) result).reason();
    }

    private List<ReportAction> actions(long reportId) {
        return reporting.history(reportId).stream().map(HistoryEntry::action).toList();
    }

    @Test
    void routesToTheNearestActiveOfficeOfTheArea() {
        Province p = freshProvince();
        County c = firstCounty(p);
        MemberView citizen = member(c);
        assertThat(file(report(citizen, "health", "بدون دفتر")).officeId()).isNull();

        OfficeView province = provinceOffice(p);
        assertThat(file(report(citizen, "health", "فقط استان")).officeId()).isEqualTo(province.id());

        OfficeView county = countyOffice(c);
        assertThat(file(report(citizen, "health", "شهرستان")).officeId()).isEqualTo(county.id());

        OfficeView local = localCentre(c, "نارمک");
        ReportView inNeighbourhood = file(new NewReport(citizen.id(), "health", "محله", "شرح کامل مشکل",
                List.of(), null, null, "نارمک", "نارمک", false));
        assertThat(inNeighbourhood.officeId()).isEqualTo(local.id());
        assertThat(file(report(citizen, "culture", "محلهٔ دیگر")).officeId()).isEqualTo(county.id());
    }

    @Test
    void givesATrackingCodeFromTheUnambiguousAlphabetAndFindsItForgivingly() {
        County c = firstCounty(freshProvince());
        ReportView r = file(new NewReport(member(c).id(), "environment", "زباله در پارک", "شرح زباله‌ها",
                List.of(new ReportPhoto(Platform.TELEGRAM, "photo-1"), new ReportPhoto(Platform.TELEGRAM, "photo-2")),
                35.7, 51.4, "پارک محله", null, true));
        assertThat(r.trackingCode()).matches("R-[23456789ABCDEFGHJKMNPQRSTVWXYZ]{5}");
        assertThat(r.photos()).extracting(ReportPhoto::fileId).containsExactly("photo-1", "photo-2");
        assertThat(r.status()).isEqualTo(ReportStatus.NEW);
        String typed = " " + r.trackingCode().toLowerCase().replace("-", "") + " ";
        assertThat(reporting.byTrackingCode(typed)).map(ReportView::id).contains(r.id());
        assertThat(reporting.byTrackingCode("R-0O1IL")).isEmpty();
        assertThat(actions(r.id())).containsExactly(ReportAction.FILED);
        assertThat(events.stream(ProblemReported.class).filter(e -> e.reportId() == r.id())).hasSize(1);
    }

    @Test
    void refusesBadInputAndChangesNothing() {
        MemberView citizen = member(firstCounty(freshProvince()));
        assertThat(refusal(report(citizen, "no_such_category", "عنوان"))).isEqualTo(SubmitResult.Reason.UNKNOWN_CATEGORY);
        assertThat(refusal(report(citizen, "health", "ab"))).isEqualTo(SubmitResult.Reason.INVALID_TITLE);
        assertThat(refusal(new NewReport(citizen.id(), "health", "عنوان", "x".repeat(2001), List.of(), null, null,
                null, null, false))).isEqualTo(SubmitResult.Reason.INVALID_DESCRIPTION);
        List<ReportPhoto> six = java.util.stream.IntStream.range(0, 6)
                .mapToObj(i -> new ReportPhoto(Platform.TELEGRAM, "f" + i)).toList();
        assertThat(refusal(new NewReport(citizen.id(), "health", "عنوان", "شرح کافی", six, null, null, null, null,
                false))).isEqualTo(SubmitResult.Reason.TOO_MANY_PHOTOS);
        assertThat(refusal(new NewReport(citizen.id(), "health", "عنوان", "شرح کافی", List.of(), 95.0, 51.0, null,
                null, false))).isEqualTo(SubmitResult.Reason.INVALID_LOCATION);
        assertThat(reporting.ofReporter(citizen.id())).isEmpty();
    }

    @Test
    void allowsFiveReportsPerTehranDayAndRefusesASuspendedMember() {
        MemberView citizen = member(firstCounty(freshProvince()));
        // 19:00 UTC is 22:30 in Tehran; 21:00 UTC is already 00:30 of the next Tehran day
        clock.set(Instant.parse("2026-04-01T19:00:00Z"));
        for (int i = 0; i < 5; i++) {
            file(report(citizen, "other", "گزارش " + i));
        }
        assertThat(refusal(report(citizen, "other", "ششمی"))).isEqualTo(SubmitResult.Reason.DAILY_LIMIT_REACHED);
        assertThat(reporting.remainingToday(citizen.id())).isZero();
        clock.set(Instant.parse("2026-04-01T21:00:00Z"));
        assertThat(reporting.remainingToday(citizen.id())).isEqualTo(5);
        file(report(citizen, "other", "روز بعد"));

        MemberView suspended = member(firstCounty(freshProvince()));
        membership.suspend(suspended.id(), "test");
        assertThat(refusal(report(suspended, "other", "معلق"))).isEqualTo(SubmitResult.Reason.MEMBER_SUSPENDED);
    }

    @Test
    void findsSimilarOpenReportsAndRecordsMeTooOnce() {
        Province p = freshProvince();
        County c = firstCounty(p);
        OfficeView county = countyOffice(c);
        MemberView first = member(c);
        MemberView second = member(c);
        ReportView pothole = file(report(first, "infrastructure", "چاله در خیابان"));
        file(report(first, "health", "موضوع دیگر"));
        clock.advance(Duration.ofDays(31));
        file(report(first, "infrastructure", "تازه‌تر"));

        List<ReportView> similar = reporting.similarOpen(county.id(), "infrastructure");
        assertThat(similar).extracting(ReportView::title).containsExactly("تازه‌تر");
        clock.set(START);
        assertThat(reporting.similarOpen(county.id(), "infrastructure")).extracting(ReportView::id).contains(pothole.id());

        assertThat(reporting.support(pothole.id(), second.id())).isEqualTo(SupportResult.ADDED);
        assertThat(reporting.support(pothole.id(), second.id())).isEqualTo(SupportResult.ALREADY_SUPPORTED);
        assertThat(reporting.support(pothole.id(), first.id())).isEqualTo(SupportResult.OWN_REPORT);
        assertThat(reporting.find(pothole.id()).orElseThrow().supporters()).isEqualTo(1);
    }

    @Test
    void inTheAdminsQueueOnlyReportsOfTheSameCountyCountAsSimilar() {
        Province p = freshProvince();
        ReportView here = file(report(member(firstCounty(p)), "health", "بی‌دفتر"));
        assertThat(here.officeId()).isNull();
        assertThat(reporting.similarOpenFor(firstCounty(p).id(), null, "health")).extracting(ReportView::id)
                .containsExactly(here.id());
        assertThat(reporting.similarOpenFor(secondCounty(p).id(), null, "health")).isEmpty();
    }

    @Test
    void onlyTheOfficesManagersMoveAReportAndEveryChangeIsInTheHistory() {
        Province p = freshProvince();
        County c = firstCounty(p);
        OfficeView county = countyOffice(c);
        MemberView manager = trainedMember(c);
        appoint(manager, county, AppointmentRole.MANAGER);
        MemberView stranger = member(c);
        ReportView r = file(report(member(c), "public_services", "چراغ خاموش"));

        assertThat(reporting.acknowledge(r.id(), ReportActor.member(stranger.id())))
                .isEqualTo(new ActionResult.Refused(ActionResult.Reason.NOT_ALLOWED));
        assertThat(reporting.find(r.id()).orElseThrow().status()).isEqualTo(ReportStatus.NEW);

        assertThat(reporting.acknowledge(r.id(), ReportActor.member(manager.id())).ok()).isTrue();
        assertThat(reporting.acknowledge(r.id(), ReportActor.member(manager.id())))
                .isEqualTo(new ActionResult.Refused(ActionResult.Reason.WRONG_STATE));
        assertThat(reporting.startProgress(r.id(), ReportActor.member(manager.id())).ok()).isTrue();
        assertThat(reporting.reject(r.id(), ReportActor.member(manager.id()), " "))
                .isEqualTo(new ActionResult.Refused(ActionResult.Reason.INVALID_INPUT));
        assertThat(reporting.resolve(r.id(), ReportActor.member(manager.id())).ok()).isTrue();
        assertThat(reporting.reject(r.id(), ReportActor.member(manager.id()), "دیر شد"))
                .isEqualTo(new ActionResult.Refused(ActionResult.Reason.WRONG_STATE));

        ReportView resolved = reporting.find(r.id()).orElseThrow();
        assertThat(resolved.status()).isEqualTo(ReportStatus.RESOLVED);
        assertThat(resolved.acknowledgedAt()).isNotNull();
        assertThat(resolved.resolvedAt()).isNotNull();
        assertThat(actions(r.id())).containsExactly(ReportAction.FILED, ReportAction.ACKNOWLEDGED,
                ReportAction.IN_PROGRESS, ReportAction.RESOLVED);
        assertThat(reporting.history(r.id()).get(1).actorId()).isEqualTo(manager.id());
        assertThat(events.stream(ReportStatusChanged.class).filter(e -> e.reportId() == r.id()))
                .extracting(ReportStatusChanged::to)
                .containsExactly(ReportStatus.ACKNOWLEDGED, ReportStatus.IN_PROGRESS, ReportStatus.RESOLVED);
    }

    @Test
    void forwardsToAnotherOfficeWhichThenHoldsTheReport() {
        Province p = freshProvince();
        County c = firstCounty(p);
        OfficeView county = countyOffice(c);
        OfficeView other = countyOffice(secondCounty(p));
        MemberView manager = trainedMember(c);
        appoint(manager, county, AppointmentRole.MANAGER);
        ReportView r = file(report(member(c), "education", "مدرسه"));
        reporting.acknowledge(r.id(), ReportActor.member(manager.id()));

        assertThat(reporting.forward(r.id(), ReportActor.member(manager.id()), county.id(), null))
                .isEqualTo(new ActionResult.Refused(ActionResult.Reason.SAME_OFFICE));
        assertThat(reporting.forward(r.id(), ReportActor.member(manager.id()), other.id(), "مربوط به شماست").ok()).isTrue();

        ReportView moved = reporting.find(r.id()).orElseThrow();
        assertThat(moved.officeId()).isEqualTo(other.id());
        assertThat(moved.status()).isEqualTo(ReportStatus.NEW);
        assertThat(reporting.mayManage(r.id(), ReportActor.member(manager.id()))).isFalse();
        HistoryEntry last = reporting.history(r.id()).get(reporting.history(r.id()).size() - 1);
        assertThat(last.action()).isEqualTo(ReportAction.FORWARDED);
        assertThat(last.officeId()).isEqualTo(other.id());
        assertThat(last.note()).isEqualTo("مربوط به شماست");
    }

    @Test
    void escalatesAnUnacknowledgedReportUpTheHierarchyThenToTheAdmins() {
        Province p = freshProvince();
        County c = firstCounty(p);
        OfficeView province = provinceOffice(p);
        OfficeView county = countyOffice(c);
        ReportView r = file(report(member(c), "social_harm", "بی‌پاسخ"));

        clock.advance(Duration.ofHours(47));
        reporting.escalateOverdue();
        assertThat(reporting.find(r.id()).orElseThrow().escalationLevel()).isZero();

        clock.advance(Duration.ofHours(2));
        reporting.escalateOverdue();
        assertThat(reporting.find(r.id()).orElseThrow().escalationLevel()).isEqualTo(1);
        assertThat(events.stream(ReportEscalated.class).filter(e -> e.reportId() == r.id()))
                .containsExactly(new ReportEscalated(r.id(), province.id(), 1));
        // the province office's managers may now act on it
        MemberView provinceManager = trainedMember(c);
        appoint(provinceManager, province, AppointmentRole.MANAGER);
        assertThat(reporting.mayManage(r.id(), ReportActor.member(provinceManager.id()))).isTrue();

        clock.advance(Duration.ofHours(49));
        reporting.escalateOverdue();
        clock.advance(Duration.ofHours(49));
        reporting.escalateOverdue();
        assertThat(reporting.find(r.id()).orElseThrow().escalationLevel()).isEqualTo(2);
        assertThat(reporting.history(r.id()).stream().filter(h -> h.action() == ReportAction.ESCALATED))
                .extracting(HistoryEntry::officeId).containsExactly(province.id(), null);
        assertThat(reporting.find(r.id()).orElseThrow().officeId()).isEqualTo(county.id());
    }

    @Test
    void anAcknowledgedReportDoesNotEscalate() {
        County c = firstCounty(freshProvince());
        OfficeView county = countyOffice(c);
        MemberView manager = trainedMember(c);
        appoint(manager, county, AppointmentRole.MANAGER);
        ReportView r = file(report(member(c), "culture", "دیده شد"));
        reporting.acknowledge(r.id(), ReportActor.member(manager.id()));
        clock.advance(Duration.ofDays(5));
        reporting.escalateOverdue();
        assertThat(reporting.find(r.id()).orElseThrow().escalationLevel()).isZero();
    }

    @Test
    void asksTheReporterFourWeeksAfterResolvedAndNotFixedReopens() {
        County c = firstCounty(freshProvince());
        OfficeView county = countyOffice(c);
        MemberView manager = trainedMember(c);
        appoint(manager, county, AppointmentRole.MANAGER);
        MemberView citizen = member(c);
        ReportView r = file(report(citizen, "environment", "آب آلوده"));
        reporting.resolve(r.id(), ReportActor.member(manager.id()));
        assertThat(reporting.reopen(r.id(), citizen.id()))
                .isEqualTo(new ActionResult.Refused(ActionResult.Reason.WRONG_STATE)); // not asked yet

        clock.advance(Duration.ofDays(27));
        reporting.askFollowUps();
        assertThat(events.stream(ReportFollowUpDue.class).filter(e -> e.reportId() == r.id())).isEmpty();
        clock.advance(Duration.ofDays(2));
        reporting.askFollowUps();
        reporting.askFollowUps();
        assertThat(events.stream(ReportFollowUpDue.class).filter(e -> e.reportId() == r.id())).hasSize(1);

        assertThat(reporting.reopen(r.id(), manager.id()))
                .isEqualTo(new ActionResult.Refused(ActionResult.Reason.NOT_ALLOWED));
        assertThat(reporting.reopen(r.id(), citizen.id()).ok()).isTrue();
        ReportView reopened = reporting.find(r.id()).orElseThrow();
        assertThat(reopened.status()).isEqualTo(ReportStatus.REOPENED);
        assertThat(events.stream(ReportReopened.class).filter(e -> e.reportId() == r.id())).hasSize(1);
        assertThat(reporting.acknowledge(r.id(), ReportActor.member(manager.id())).ok()).isTrue();
    }

    @Test
    void anonymisesTheReportsOfAnErasedMember() {
        County c = firstCounty(freshProvince());
        MemberView citizen = member(c);
        ReportView r = file(new NewReport(citizen.id(), "other", "نام من", "شرح کامل", List.of(), null, null, null,
                null, true));
        assertThat(reporting.anonymiseReporter(citizen.id())).isEqualTo(1);
        ReportView after = reporting.find(r.id()).orElseThrow();
        assertThat(after.reporterId()).isNull();
        assertThat(after.showName()).isFalse();
        assertThat(after.title()).isEqualTo("نام من");
        assertThat(reporting.ofReporter(citizen.id())).isEmpty();
        assertThat(actions(r.id())).endsWith(ReportAction.ANONYMISED);
    }

    @Test
    void adminsCanDefineANewCategory() {
        assertThat(reporting.defineCategory("Bad Code", 5, true)).isFalse();
        assertThat(reporting.defineCategory("water", 95, true)).isTrue();
        assertThat(reporting.categories()).endsWith("water");
        assertThat(reporting.defineCategory("water", 95, false)).isTrue();
        assertThat(reporting.categories()).doesNotContain("water");
    }
}
