package ir.hamyar.domain.broadcasting;

import ir.hamyar.domain.appointments.AppointmentRole;
import ir.hamyar.domain.appointments.AppointmentView;
import ir.hamyar.domain.appointments.Appointments;
import ir.hamyar.domain.appointments.DomainScenario;
import ir.hamyar.domain.appointments.Issuer;
import ir.hamyar.domain.membership.MemberView;
import ir.hamyar.domain.membership.StatusChangeResult;
import ir.hamyar.domain.offices.OfficeView;
import ir.hamyar.domain.regions.County;
import ir.hamyar.domain.regions.Province;
import ir.hamyar.domain.shared.Platform;
import ir.hamyar.domain.training.Change;
import ir.hamyar.domain.training.CourseLevel;
import ir.hamyar.domain.training.CourseMode;
import ir.hamyar.domain.training.Creator;
import ir.hamyar.domain.training.EnrolResult;
import ir.hamyar.domain.training.NewCourse;
import ir.hamyar.domain.training.Training;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The members each audience added for offices, managers and courses turns into, on PostgreSQL. Quiet hours are
 * off so that every recipient is due at once; the property also gives this class a database of its own, so
 * nationwide audiences hold only what these tests made.
 */
@TestPropertySource(properties = {"hamyar.broadcasting.quiet-start=00:00", "hamyar.broadcasting.quiet-end=00:00"})
class AudienceRecipientsTests extends DomainScenario {

    @Autowired
    Broadcasting broadcasting;

    @Autowired
    Training training;

    @Test
    void anOfficesMembersAreTheActiveMembersOfTheRegionItServes() {
        Province province = freshProvince();
        Province other = freshProvince();
        County county = firstCounty(province);
        County neighbour = secondCounty(province);
        OfficeView top = provinceOffice(province);
        OfficeView office = countyOffice(county);
        OfficeView centre = localCentre(county, "Centre");
        MemberView inCounty = member(county);
        MemberView inNeighbour = member(neighbour);
        MemberView elsewhere = member(firstCounty(other));
        MemberView suspended = member(county);
        MemberView erased = member(county);
        assertThat(membership.suspend(suspended.id(), "test")).isEqualTo(StatusChangeResult.CHANGED);
        membership.erase(erased.id(), clock.instant());

        assertThat(recipients(new Audience.OfficeMembers(office.id()))).containsExactly(inCounty.id());
        assertThat(recipients(new Audience.OfficeMembers(top.id())))
                .containsExactlyInAnyOrder(inCounty.id(), inNeighbour.id());
        assertThat(broadcasting.countRecipients(new Audience.OfficeMembers(office.id()), DeliveryKind.ANNOUNCEMENT))
                .isEqualTo(1);
        assertThat(broadcasting.audienceSize(new Audience.OfficeMembers(top.id()))).isEqualTo(2);
        assertThat(recipients(new Audience.OfficeMembers(top.id()))).doesNotContain(elsewhere.id());
        assertThat(broadcasting.isValid(new Audience.OfficeMembers(office.id()))).isTrue();

        // members record no neighbourhood: a local centre has no members of its own
        assertThat(broadcasting.isValid(new Audience.OfficeMembers(centre.id()))).isFalse();
        assertThat(recipients(new Audience.OfficeMembers(centre.id()))).isEmpty();
        assertThat(broadcasting.isValid(new Audience.OfficeMembers(999_999))).isFalse();
    }

    @Test
    void aSuspendedOfficeHasNoMembersToAddress() {
        Province province = freshProvince();
        County county = firstCounty(province);
        OfficeView office = countyOffice(county);
        member(county);
        jdbc.update("UPDATE office SET status = 'SUSPENDED' WHERE id = ?", office.id());

        assertThat(broadcasting.isValid(new Audience.OfficeMembers(office.id()))).isFalse();
        assertThat(recipients(new Audience.OfficeMembers(office.id()))).isEmpty();
    }

    @Test
    void managersAreMembersWithAManagerAppointmentInForce() {
        Province province = freshProvince();
        Province other = freshProvince();
        County county = firstCounty(province);
        County neighbour = secondCounty(province);
        OfficeView top = provinceOffice(province);
        OfficeView office = countyOffice(county);
        OfficeView neighbourOffice = countyOffice(neighbour);
        OfficeView centre = localCentre(county, "Centre");
        OfficeView away = countyOffice(firstCounty(other));
        MemberView countyManager = member(county);
        MemberView centreManager = member(county);
        MemberView otherManager = member(firstCounty(other));
        MemberView deputy = member(county);
        MemberView lead = member(county);
        MemberView revoked = member(county);
        MemberView expired = member(neighbour);
        MemberView suspended = member(county);
        appoint(countyManager, office, AppointmentRole.MANAGER);
        appoint(centreManager, centre, AppointmentRole.MANAGER);
        appoint(otherManager, away, AppointmentRole.MANAGER);
        appoint(deputy, office, AppointmentRole.DEPUTY);
        appoint(lead, office, AppointmentRole.WORKING_GROUP_LEAD);
        AppointmentView toRevoke = appoint(revoked, top, AppointmentRole.MANAGER);
        assertThat(appointments.revoke(toRevoke.id(), "test", Issuer.admin(Platform.TELEGRAM, 9001, null))).isEmpty();
        AppointmentView ended = appoint(expired, neighbourOffice, AppointmentRole.MANAGER);
        appoint(suspended, top, AppointmentRole.MANAGER);
        assertThat(membership.suspend(suspended.id(), "test")).isEqualTo(StatusChangeResult.CHANGED);

        assertThat(recipients(new Audience.Managers(province.id())))
                .containsExactlyInAnyOrder(countyManager.id(), centreManager.id(), expired.id());
        assertThat(recipients(new Audience.Managers(null)))
                .containsExactlyInAnyOrder(countyManager.id(), centreManager.id(), expired.id(), otherManager.id());

        // a term that ended counts at once, before the daily job marks it EXPIRED
        LocalDate today = LocalDate.ofInstant(clock.instant(), Appointments.ZONE);
        jdbc.update("UPDATE appointment SET term_start = ?, term_end = ? WHERE id = ?", today.minusDays(30),
                today.minusDays(1), ended.id());
        assertThat(recipients(new Audience.Managers(province.id())))
                .containsExactlyInAnyOrder(countyManager.id(), centreManager.id());
        jdbc.update("UPDATE appointment SET status = 'EXPIRED' WHERE id = ?", ended.id());
        assertThat(recipients(new Audience.Managers(province.id())))
                .containsExactlyInAnyOrder(countyManager.id(), centreManager.id());

        assertThat(broadcasting.isValid(new Audience.Managers(province.id()))).isTrue();
        assertThat(broadcasting.isValid(new Audience.Managers(null))).isTrue();
        assertThat(broadcasting.isValid(new Audience.Managers(9_999))).isFalse();
    }

    @Test
    void aCoursesEnroleesAreTheMembersWithAnActiveEnrolment() {
        Province province = freshProvince();
        County county = firstCounty(province);
        long course = course(3);
        long otherCourse = course(10);
        MemberView enrolled = member(county);
        MemberView cancelled = member(county);
        MemberView suspended = member(county);
        MemberView second = member(county);
        MemberView waiting = member(county);
        MemberView elsewhere = member(county);
        assertThat(training.enrol(course, enrolled.id()).outcome()).isEqualTo(EnrolResult.Outcome.ENROLLED);
        assertThat(training.enrol(course, cancelled.id()).outcome()).isEqualTo(EnrolResult.Outcome.ENROLLED);
        assertThat(training.cancelEnrolment(course, cancelled.id())).isEqualTo(Change.DONE);
        assertThat(training.enrol(course, suspended.id()).outcome()).isEqualTo(EnrolResult.Outcome.ENROLLED);
        assertThat(training.enrol(course, second.id()).outcome()).isEqualTo(EnrolResult.Outcome.ENROLLED);
        assertThat(training.joinWaitlist(course, waiting.id()).outcome()).isIn(EnrolResult.Outcome.WAITLISTED,
                EnrolResult.Outcome.ENROLLED);
        assertThat(training.enrol(otherCourse, elsewhere.id()).outcome()).isEqualTo(EnrolResult.Outcome.ENROLLED);
        assertThat(membership.suspend(suspended.id(), "test")).isEqualTo(StatusChangeResult.CHANGED);

        assertThat(recipients(new Audience.CourseEnrolees(course)))
                .containsExactlyInAnyOrder(enrolled.id(), second.id(), waiting.id());
        assertThat(recipients(new Audience.CourseEnrolees(otherCourse))).containsExactly(elsewhere.id());
        assertThat(broadcasting.isValid(new Audience.CourseEnrolees(course))).isTrue();
        assertThat(broadcasting.isValid(new Audience.CourseEnrolees(999_999))).isFalse();
    }

    @Test
    void theNewAudiencesSurviveTheirStoredForm() {
        for (Audience a : List.of(new Audience.OfficeMembers(12),
                new Audience.Managers(null), new Audience.Managers(7), new Audience.CourseEnrolees(3))) {
            assertThat(Audience.of(a.kind(), a.parameter())).contains(a);
        }
        assertThat(Audience.of("OFFICE", null)).isEmpty();
        assertThat(Audience.of("COURSE", "x")).isEmpty();
        assertThat(Audience.of("MANAGERS", "7a")).isEmpty();
    }

    private List<Long> recipients(Audience audience) {
        RecipientQuery q = broadcasting.recipients(audience, DeliveryKind.ANNOUNCEMENT, clock.instant());
        return jdbc.queryForList("SELECT r.member_id FROM (" + q.sql() + ") r", Long.class, q.args().toArray());
    }

    private long course(int seats) {
        Instant first = clock.instant().plus(Duration.ofDays(3));
        ir.hamyar.domain.training.CreateResult r = training.create(new NewCourse("آشنایی با همیار", "دوره مقدماتی", CourseLevel.INTRO, null,
                CourseMode.IN_PERSON, "تهران، خیابان آزادی", List.of(new NewCourse.NewSession(first, 60)), seats,
                first.minus(Duration.ofHours(30)), null, ir.hamyar.domain.training.Audience.ALL, null, false, null,
                new Creator(null, Platform.TELEGRAM, 9001)));
        assertThat(r.problem()).isNull();
        return r.courseId();
    }
}
