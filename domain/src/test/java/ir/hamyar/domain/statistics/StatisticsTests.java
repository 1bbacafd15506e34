package ir.hamyar.domain.statistics;

import ir.hamyar.domain.appointments.AppointmentRole;
import ir.hamyar.domain.appointments.AppointmentView;
import ir.hamyar.domain.appointments.DomainScenario;
import ir.hamyar.domain.membership.MemberView;
import ir.hamyar.domain.offices.OfficeView;
import ir.hamyar.domain.regions.County;
import ir.hamyar.domain.regions.Province;
import ir.hamyar.domain.reporting.ActionResult;
import ir.hamyar.domain.reporting.NewReport;
import ir.hamyar.domain.reporting.ProblemReporting;
import ir.hamyar.domain.reporting.ReportActor;
import ir.hamyar.domain.reporting.ReportView;
import ir.hamyar.domain.reporting.SubmitResult;
import ir.hamyar.domain.statistics.ExportRows.EnrolmentRow;
import ir.hamyar.domain.statistics.ExportRows.Export;
import ir.hamyar.domain.statistics.ExportRows.MemberRow;
import ir.hamyar.domain.statistics.ExportRows.ReportRow;
import ir.hamyar.domain.statistics.Figures.CodeCount;
import ir.hamyar.domain.statistics.Figures.OfficeResponse;
import ir.hamyar.domain.statistics.Figures.RegionCount;
import ir.hamyar.domain.statistics.Figures.WeekCount;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Figures and export rows over real data on PostgreSQL: members registered, reports filed and answered, decrees
 * issued through the façades; courses written as rows. A context (and so a database) of its own, so network-wide
 * figures count only what these tests made.
 */
@TestPropertySource(properties = "hamyar.test.context=statistics")
class StatisticsTests extends DomainScenario {

    @Autowired
    Statistics statistics;

    @Autowired
    DataExports exports;

    @Autowired
    ProblemReporting reporting;

    private static StatsScope county(County c, OfficeView office) {
        return StatsScope.of(Set.of(office.id()), Set.of(), Set.of(c.id()));
    }

    @Test
    void countsActiveMembersByRegionWithinTheScopeOnly() {
        Province p = freshProvince();
        County a = firstCounty(p);
        County b = secondCounty(p);
        member(a);
        member(a);
        MemberView leaving = member(a);
        member(b);
        jdbc.update("UPDATE member SET status = 'LEFT' WHERE id = ?", leaving.id());

        StatsScope onlyA = StatsScope.of(Set.of(), Set.of(), Set.of(a.id()));
        assertThat(statistics.membersByCounty(onlyA)).containsExactly(new RegionCount(a.id(), a.nameFa(), 2));
        assertThat(statistics.membersByProvince(onlyA)).containsExactly(new RegionCount(p.id(), p.nameFa(), 2));

        StatsScope wholeProvince = StatsScope.of(Set.of(), Set.of(p.id()), Set.of());
        assertThat(statistics.membersByCounty(wholeProvince))
                .containsExactly(new RegionCount(a.id(), a.nameFa(), 2), new RegionCount(b.id(), b.nameFa(), 1));
        assertThat(statistics.membersByCounty(StatsScope.of(Set.of(), Set.of(), Set.of()))).isEmpty();
        assertThat(statistics.membersByCounty(StatsScope.wholeNetwork()))
                .contains(new RegionCount(a.id(), a.nameFa(), 2), new RegionCount(b.id(), b.nameFa(), 1));
    }

    @Test
    void countsRegistrationsInTehranWeeksThatStartOnSaturday() {
        County c = firstCounty(freshProvince());
        // START is Wednesday 2026-04-01; its Tehran week began on Saturday 2026-03-28 (UTC+03:30).
        clock.set(Instant.parse("2026-03-27T20:29:00Z")); // Friday 23:59 in Tehran: the week before
        member(c);
        clock.set(Instant.parse("2026-03-27T20:31:00Z")); // Saturday 00:01 in Tehran: this week
        member(c);
        member(c);
        clock.set(Instant.parse("2026-01-01T08:00:00Z")); // long before the twelve weeks
        member(c);
        clock.set(START);

        List<WeekCount> weeks = statistics.registrationsPerWeek(StatsScope.of(Set.of(), Set.of(), Set.of(c.id())));

        assertThat(weeks).hasSize(Statistics.WEEKS);
        assertThat(weeks.get(11)).isEqualTo(new WeekCount(LocalDate.of(2026, 3, 28), 2));
        assertThat(weeks.get(10)).isEqualTo(new WeekCount(LocalDate.of(2026, 3, 21), 1));
        assertThat(weeks.get(0).weekStart()).isEqualTo(LocalDate.of(2026, 1, 10));
        assertThat(weeks.stream().mapToLong(WeekCount::registrations).sum()).isEqualTo(3);
    }

    @Test
    void countsReportsAndTakesTheMedianOfEachOfficesFirstResponse() {
        Province p = freshProvince();
        County a = firstCounty(p);
        County b = secondCounty(p);
        OfficeView officeA = countyOffice(a);
        OfficeView officeB = countyOffice(b);
        MemberView manager = trainedMember(a);
        appoint(manager, officeA, AppointmentRole.MANAGER);
        ReportActor acting = ReportActor.member(manager.id());

        ReportView twoHours = file(member(a), "health");
        ReportView oneHourByNote = file(member(a), "health");
        ReportView tenHours = file(member(a), "environment");
        ReportView unanswered = file(member(a), "environment");
        ReportView elsewhere = file(member(b), "health");
        assertThat(List.of(twoHours, oneHourByNote, tenHours, unanswered)).allMatch(r -> r.officeId() == officeA.id());
        assertThat(elsewhere.officeId()).isEqualTo(officeB.id());

        clock.advance(Duration.ofHours(1));
        assertThat(reporting.addNote(oneHourByNote.id(), acting, "در حال بررسی", false)).isInstanceOf(ActionResult.Done.class);
        clock.advance(Duration.ofHours(1));
        assertThat(reporting.acknowledge(twoHours.id(), acting)).isInstanceOf(ActionResult.Done.class);
        assertThat(reporting.startProgress(oneHourByNote.id(), acting)).isInstanceOf(ActionResult.Done.class);
        clock.advance(Duration.ofHours(8));
        assertThat(reporting.resolve(tenHours.id(), acting)).isInstanceOf(ActionResult.Done.class);

        StatsScope scopeA = county(a, officeA);
        assertThat(statistics.reportsByStatus(scopeA)).containsExactly(new CodeCount("ACKNOWLEDGED", 1),
                new CodeCount("IN_PROGRESS", 1), new CodeCount("NEW", 1), new CodeCount("RESOLVED", 1));
        assertThat(statistics.reportsByCategory(scopeA))
                .containsExactly(new CodeCount("environment", 2), new CodeCount("health", 2));
        assertThat(statistics.firstResponses(scopeA))
                .containsExactly(new OfficeResponse(officeA.id(), officeA.name(), 3, 1, Duration.ofHours(2)));

        StatsScope both = StatsScope.of(Set.of(officeA.id(), officeB.id()), Set.of(p.id()), Set.of());
        assertThat(statistics.firstResponses(both)).extracting(OfficeResponse::officeId, OfficeResponse::median)
                .containsExactly(tuple(officeB.id(), null),
                        tuple(officeA.id(), Duration.ofHours(2)));
    }

    @Test
    void leavesReportsFiledBeforeTheWindowOutOfTheResponseFigures() {
        County c = firstCounty(freshProvince());
        OfficeView office = countyOffice(c);
        MemberView manager = trainedMember(c);
        appoint(manager, office, AppointmentRole.MANAGER);
        ReportView old = file(member(c), "other");
        clock.advance(Duration.ofDays(Statistics.RESPONSE_WINDOW_DAYS + 1));
        reporting.acknowledge(old.id(), ReportActor.member(manager.id()));

        assertThat(statistics.firstResponses(county(c, office))).isEmpty();
        assertThat(statistics.reportsByStatus(county(c, office))).containsExactly(new CodeCount("ACKNOWLEDGED", 1));
    }

    @Test
    void countsCoursesCompletionsAndAppointmentsEndingWithinThirtyDays() {
        Province p = freshProvince();
        County a = firstCounty(p);
        OfficeView office = countyOffice(a);
        OfficeView other = countyOffice(secondCounty(p));
        long open = course(office, "OPEN");
        long finished = course(office, "FINISHED");
        course(other, "OPEN");
        enrol(open, member(a), "ENROLLED");
        enrol(finished, member(a), "COMPLETED");
        enrol(finished, member(a), "COMPLETED");
        enrol(finished, member(a), "NOT_COMPLETED");
        enrol(finished, member(a), "CANCELLED");

        assertThat(statistics.courses(county(a, office))).isEqualTo(new Figures.CourseFigures(2, 1, 1, 4, 2));

        AppointmentView soon = appoint(trainedMember(a), office, AppointmentRole.MANAGER);
        appoint(trainedMember(a), office, AppointmentRole.DEPUTY);
        appoint(trainedMember(a), other, AppointmentRole.MANAGER);
        LocalDate today = LocalDate.of(2026, 4, 1);
        jdbc.update("UPDATE appointment SET term_end = ? WHERE id = ?", today.plusDays(29), soon.id());

        assertThat(statistics.appointments(county(a, office))).isEqualTo(new Figures.AppointmentFigures(2, 1, 30));
        jdbc.update("UPDATE appointment SET term_end = ? WHERE id = ?", today.plusDays(30), soon.id());
        assertThat(statistics.appointments(county(a, office)).expiringSoon()).isZero();
    }

    @Test
    void snapshotGathersEveryFigureForTheScope() {
        County c = firstCounty(freshProvince());
        OfficeView office = countyOffice(c);
        member(c);
        file(member(c), "culture");

        StatsSnapshot s = statistics.snapshot(county(c, office));

        assertThat(s.members()).isEqualTo(2);
        assertThat(s.membersByCounty()).extracting(RegionCount::members).containsExactly(2L);
        assertThat(s.reports()).isEqualTo(1);
        assertThat(s.registrationsPerWeek()).hasSize(Statistics.WEEKS);
        assertThat(s.firstResponses()).extracting(OfficeResponse::awaiting).containsExactly(1);
    }

    @Test
    void exportsOnlyTheScopesMembersAndPhonesOfPeopleInsideIt() {
        Province p = freshProvince();
        County a = firstCounty(p);
        County b = secondCounty(p);
        OfficeView office = countyOffice(a);
        MemberView inside = member(a);
        MemberView outside = member(b);
        MemberView erased = member(a);
        jdbc.update("UPDATE member SET status = 'ERASED', full_name = NULL, phone_e164 = NULL, national_code = NULL "
                + "WHERE id = ?", erased.id());
        long course = course(office, "OPEN");
        enrol(course, inside, "ENROLLED");
        enrol(course, outside, "ENROLLED");

        Export<MemberRow> members = exports.members(county(a, office), 100);
        assertThat(members.rows()).extracting(MemberRow::id).containsExactly(inside.id());
        assertThat(members.rows().get(0).phone()).isEqualTo(inside.phone());
        assertThat(members.rows().get(0).nationalCode()).isEqualTo(inside.nationalCode());
        assertThat(members.rows().get(0).county()).isEqualTo(a.nameFa());

        Export<EnrolmentRow> enrolments = exports.enrolments(county(a, office), 100);
        assertThat(enrolments.rows()).extracting(EnrolmentRow::memberName, EnrolmentRow::phone).containsExactly(
                tuple(inside.fullName(), inside.phone()),
                tuple(outside.fullName(), null));
        assertThat(exports.enrolments(StatsScope.wholeNetwork(), 100).rows())
                .filteredOn(r -> r.courseId() == course).extracting(EnrolmentRow::phone)
                .containsExactly(inside.phone(), outside.phone());
    }

    @Test
    void exportsReportsOfTheScopesOfficesNamingOnlyReportersWhoAskedToBeNamed() {
        County c = firstCounty(freshProvince());
        OfficeView office = countyOffice(c);
        MemberView named = member(c);
        ReportView shown = submit(new NewReport(named.id(), "health", "چاله در خیابان", "شرح کامل مشکل محله",
                List.of(), null, null, null, null, true));
        ReportView anonymous = file(member(c), "health");

        Export<ReportRow> rows = exports.reports(county(c, office), 100);

        assertThat(rows.rows()).extracting(ReportRow::trackingCode, ReportRow::reporterName).containsExactly(
                tuple(shown.trackingCode(), named.fullName()),
                tuple(anonymous.trackingCode(), null));
        assertThat(exports.reports(StatsScope.of(Set.of(office.id() + 10_000), Set.of(), Set.of()), 100).rows()).isEmpty();
    }

    @Test
    void capsAnExportAndSaysHowManyRowsTheScopeHolds() {
        County c = firstCounty(freshProvince());
        for (int i = 0; i < 3; i++) {
            member(c);
        }
        Export<MemberRow> capped = exports.members(StatsScope.of(Set.of(), Set.of(), Set.of(c.id())), 2);
        assertThat(capped.rows()).hasSize(2);
        assertThat(capped.total()).isEqualTo(3);
        assertThat(capped.truncated()).isTrue();
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(Statistics.median(List.of(Duration.ofHours(4), Duration.ofHours(1), Duration.ofHours(2),
                Duration.ofHours(9)))).isEqualTo(Duration.ofHours(3));
        assertThat(Statistics.median(List.of(Duration.ofMinutes(5)))).isEqualTo(Duration.ofMinutes(5));
        assertThat(Statistics.median(List.of())).isNull();
    }

    // ---------------------------------------------------------------- set-up

    private ReportView file(MemberView reporter, String category) {
        return submit(new NewReport(reporter.id(), category, "مشکل محله", "شرح کامل مشکل محله", List.of(), null,
                null, null, null, false));
    }

    private ReportView submit(NewReport report) {
        SubmitResult result = reporting.submit(report);
        assertThat(result).isInstanceOf(SubmitResult.Submitted.class);
        return ((SubmitResult.Submitted) result).report();
    }

    private long course(OfficeView office, String status) {
        OffsetDateTime at = START.atOffset(ZoneOffset.UTC);
        return jdbc.queryForObject("INSERT INTO course (title, description, level, offering_office_id, mode, location, "
                + "capacity, enrolment_deadline, cancellation_deadline, audience, needs_approval, status, "
                + "allowed_absences, creator_platform, creator_user_id, created_at) VALUES ('دورهٔ آشنایی', 'شرح', "
                + "'INTRO', ?, 'ONLINE', 'https://meet.example/x', 30, ?, ?, 'ALL', FALSE, ?, 0, 'TELEGRAM', 9001, ?) "
                + "RETURNING id", Long.class, office.id(), at, at, status, at);
    }

    private void enrol(long courseId, MemberView member, String status) {
        OffsetDateTime at = START.atOffset(ZoneOffset.UTC);
        jdbc.update("INSERT INTO enrolment (course_id, member_id, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
                courseId, member.id(), status, at, at);
    }
}
