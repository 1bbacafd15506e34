package ir.hamyar.domain.training;

import ir.hamyar.domain.appointments.AppointmentRole;
import ir.hamyar.domain.appointments.Appointments;
import ir.hamyar.domain.appointments.Refusal;
import ir.hamyar.domain.offices.NewOffice;
import ir.hamyar.domain.offices.Offices;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CompletionTests extends TrainingTestSupport {

    @Autowired
    Appointments appointments;

    @Autowired
    Offices offices;

    @Test
    void remindersGoOutOnceADayAndAnHourBeforeEachSessionExceptToThoseWhoOptedOut() {
        long course = created(course(5));
        long keen = member();
        long quiet = member();
        training.enrol(course, keen);
        training.enrol(course, quiet);
        training.setRemindersOff(quiet, true);
        SessionView first = training.course(course).orElseThrow().sessions().get(0);

        clock.set(first.startsAt().minus(Duration.ofHours(25)));
        assertThat(mine(training.claimDueReminders(), course)).isEmpty();

        clock.set(first.startsAt().minus(Duration.ofHours(23)));
        assertThat(mine(training.claimDueReminders(), course)).extracting(Reminder::memberId, Reminder::kind,
                Reminder::sessionId).containsExactly(org.assertj.core.groups.Tuple.tuple(keen, ReminderKind.DAY, first.id()));
        assertThat(mine(training.claimDueReminders(), course)).isEmpty();

        clock.set(first.startsAt().minus(Duration.ofMinutes(50)));
        assertThat(mine(training.claimDueReminders(), course)).extracting(Reminder::memberId, Reminder::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(keen, ReminderKind.HOUR));
        assertThat(mine(training.claimDueReminders(), course)).isEmpty();
        assertThat(training.remindersOff(quiet)).isTrue();
    }

    private static List<Reminder> mine(List<Reminder> all, long course) {
        return all.stream().filter(r -> r.courseId() == course).toList();
    }

    @Test
    void completionFollowsTheAttendanceRuleAndCountsOnceConfirmed() {
        long course = created(course(5));
        long both = member();
        long one = member();
        long none = member();
        training.enrol(course, both);
        training.enrol(course, one);
        training.enrol(course, none);
        List<SessionView> sessions = training.course(course).orElseThrow().sessions();
        long manager = member();
        training.markAttendance(sessions.get(0).id(), both, AttendanceMark.PRESENT, manager);
        training.markAttendance(sessions.get(1).id(), both, AttendanceMark.PRESENT, manager);
        training.markAttendance(sessions.get(0).id(), one, AttendanceMark.PRESENT, manager);
        training.markAttendance(sessions.get(1).id(), one, AttendanceMark.EXCUSED, manager);
        assertThat(training.markAttendance(sessions.get(0).id(), member(), AttendanceMark.PRESENT, manager))
                .isEqualTo(Change.NO_SUCH_ENROLMENT);

        clock.set(sessions.get(1).endsAt().minusSeconds(1));
        training.endFinishedCourses();
        assertThat(training.course(course).orElseThrow().status()).isEqualTo(CourseStatus.OPEN);

        clock.set(sessions.get(1).endsAt());
        training.endFinishedCourses();
        assertThat(training.course(course).orElseThrow().status()).isEqualTo(CourseStatus.FINISHED);
        assertThat(status(course, both)).isEqualTo(EnrolmentStatus.COMPLETED);
        assertThat(status(course, one)).isEqualTo(EnrolmentStatus.COMPLETED); // all sessions but one
        assertThat(status(course, none)).isEqualTo(EnrolmentStatus.NOT_COMPLETED);
        assertThat(training.attendance(sessions.get(0).id())).containsEntry(none, AttendanceMark.ABSENT);
        assertThat(events.stream(CourseResultsPending.class)).contains(new CourseResultsPending(course));
        assertThat(training.hasCompletedTraining(both)).isFalse(); // not before the manager confirms

        assertThat(training.setResult(course, one, false)).isEqualTo(Change.DONE);
        assertThat(training.confirmResults(course)).isEqualTo(Change.DONE);

        assertThat(training.hasCompletedTraining(both)).isTrue();
        assertThat(training.hasCompletedTraining(one)).isFalse();
        assertThat(training.hasCompletedTraining(none)).isFalse();
        assertThat(events.stream(CourseCompleted.class)).contains(new CourseCompleted(course, List.of(both),
                List.of(one, none)));
        assertThat(training.setResult(course, one, true)).isEqualTo(Change.WRONG_STATE);

        long office = offices.create(NewOffice.province(regions.provinces().get(5).id(), "دفتر آزمایشی")).id();
        assertThat(appointments.eligibility(both, office, AppointmentRole.MANAGER)).isEmpty();
        assertThat(appointments.eligibility(one, office, AppointmentRole.MANAGER)).contains(Refusal.TRAINING_NOT_COMPLETED);

        List<CertificateView> certificates = training.certificatesOf(both);
        assertThat(certificates).hasSize(1);
        CertificateView certificate = certificates.get(0);
        assertThat(certificate.code()).matches("[2346789ABCDEFGHJKMNPQRTWXYZ]{4}-[2346789ABCDEFGHJKMNPQRTWXYZ]{4}");
        assertThat(training.certificatesOf(one)).isEmpty();
        assertThat(training.verify(certificate.code().toLowerCase().replace("-", " ")))
                .contains(new Verification("سارا رضایی", "آشنایی با همیار", certificate.issuedAt()));
        assertThat(training.verify("2222-2222")).isEmpty();
        assertThat(training.verify("not a code")).isEmpty();
    }

    @Test
    void resultsTheManagerLeavesAloneAreConfirmedAfterAWeek() {
        long course = created(course(5));
        long m = member();
        training.enrol(course, m);
        for (SessionView s : training.course(course).orElseThrow().sessions()) {
            training.markAttendance(s.id(), m, AttendanceMark.PRESENT, null);
        }
        SessionView last = training.course(course).orElseThrow().sessions().get(1);
        clock.set(last.endsAt());
        training.endFinishedCourses();
        assertThat(training.hasCompletedTraining(m)).isFalse();

        clock.advance(Duration.ofDays(7));
        training.endFinishedCourses();
        assertThat(training.hasCompletedTraining(m)).isTrue();
    }

    @Test
    void anErasedMembersEnrolmentsEndAndTheirSeatMovesTheWaitlist() {
        long course = created(course(1));
        long leaving = member();
        long waiting = member();
        training.enrol(course, leaving);
        training.joinWaitlist(course, waiting);

        membership.erase(leaving, clock.instant());
        training.forgetMember(leaving);

        assertThat(status(course, leaving)).isEqualTo(EnrolmentStatus.CANCELLED);
        assertThat(status(course, waiting)).isEqualTo(EnrolmentStatus.OFFERED);
    }
}
