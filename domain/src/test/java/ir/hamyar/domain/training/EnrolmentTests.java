package ir.hamyar.domain.training;

import ir.hamyar.domain.training.EnrolResult.Outcome;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EnrolmentTests extends TrainingTestSupport {

    @Test
    void enrolsUntilFullThenOffersTheWaitlistWithThePosition() {
        long course = created(course(2));
        long a = member();
        long b = member();
        long c = member();
        long d = member();
        assertThat(training.enrol(course, a).outcome()).isEqualTo(Outcome.ENROLLED);
        assertThat(training.enrol(course, b).outcome()).isEqualTo(Outcome.ENROLLED);

        assertThat(training.enrol(course, c)).isEqualTo(new EnrolResult(Outcome.FULL, 1));
        assertThat(training.enrolment(course, c)).isEmpty();
        assertThat(training.joinWaitlist(course, c)).isEqualTo(new EnrolResult(Outcome.WAITLISTED, 1));
        assertThat(training.joinWaitlist(course, d)).isEqualTo(new EnrolResult(Outcome.WAITLISTED, 2));
        assertThat(training.enrolment(course, d).orElseThrow().waitlistPosition()).isEqualTo(2);
        assertThat(training.enrol(course, a).outcome()).isEqualTo(Outcome.ALREADY_ENROLLED);
        assertThat(training.course(course).orElseThrow().seatsLeft()).isZero();
    }

    @Test
    void aFreedSeatIsOfferedToTheWaitlistInOrder() {
        long course = created(course(1));
        long holder = member();
        long first = member();
        long second = member();
        training.enrol(course, holder);
        training.joinWaitlist(course, first);
        training.joinWaitlist(course, second);

        assertThat(training.cancelEnrolment(course, holder)).isEqualTo(Change.DONE);

        EnrolmentView offer = training.enrolment(course, first).orElseThrow();
        assertThat(offer.status()).isEqualTo(EnrolmentStatus.OFFERED);
        assertThat(offer.offerExpiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(24)));
        assertThat(status(course, second)).isEqualTo(EnrolmentStatus.WAITLISTED);
        assertThat(training.enrolment(course, second).orElseThrow().waitlistPosition()).isEqualTo(1);
        assertThat(events.stream(WaitlistPromoted.class)).contains(new WaitlistPromoted(course, first,
                offer.offerExpiresAt()));
        // a newcomer does not jump the queue while someone waits
        assertThat(training.enrol(course, member()).outcome()).isEqualTo(Outcome.FULL);

        assertThat(training.confirmOffer(course, first)).isEqualTo(Change.DONE);
        assertThat(status(course, first)).isEqualTo(EnrolmentStatus.ENROLLED);
        assertThat(events.stream(EnrolmentConfirmed.class))
                .contains(new EnrolmentConfirmed(course, first, EnrolmentConfirmed.Via.OFFER));
    }

    @Test
    void anUnconfirmedOfferExpiresAndPassesToTheNext() {
        long course = created(course(1));
        long holder = member();
        long slow = member();
        long next = member();
        training.enrol(course, holder);
        training.joinWaitlist(course, slow);
        training.joinWaitlist(course, next);
        training.cancelEnrolment(course, holder);

        clock.advance(Duration.ofHours(23));
        assertThat(training.expireOffers()).isZero();
        assertThat(status(course, slow)).isEqualTo(EnrolmentStatus.OFFERED);

        clock.advance(Duration.ofHours(1));
        assertThat(training.expireOffers()).isGreaterThanOrEqualTo(1);
        assertThat(status(course, slow)).isEqualTo(EnrolmentStatus.CANCELLED);
        assertThat(status(course, next)).isEqualTo(EnrolmentStatus.OFFERED);
        assertThat(training.confirmOffer(course, slow)).isEqualTo(Change.WRONG_STATE);
        assertThat(events.stream(OfferExpired.class)).contains(new OfferExpired(course, slow));
    }

    @Test
    void anOfferConfirmedTooLateIsRefused() {
        long course = created(course(1));
        long holder = member();
        long waiting = member();
        training.enrol(course, holder);
        training.joinWaitlist(course, waiting);
        training.cancelEnrolment(course, holder);
        clock.advance(Duration.ofHours(25));

        assertThat(training.confirmOffer(course, waiting)).isEqualTo(Change.OFFER_EXPIRED);
        assertThat(status(course, waiting)).isEqualTo(EnrolmentStatus.OFFERED);
    }

    @Test
    void selfCancellationEndsAtTheCancellationDeadline() {
        long course = created(course(3));
        long m = member();
        training.enrol(course, m);
        clock.advance(Duration.ofHours(24).plusMinutes(1)); // first session in under 24 hours

        assertThat(training.cancelEnrolment(course, m)).isEqualTo(Change.DEADLINE_PASSED);
        assertThat(status(course, m)).isEqualTo(EnrolmentStatus.ENROLLED);
    }

    @Test
    void refusesEnrolmentOutsideTheAudienceAndAfterTheDeadline() {
        NewCourse base = course(5);
        long provinceOnly = created(new NewCourse(base.title(), base.description(), base.level(), null, base.mode(),
                base.location(), base.sessions(), 5, base.enrolmentDeadline(), null, Audience.PROVINCE,
                isfahan().id(), false, null, base.creator()));
        long tehrani = member();
        assertThat(training.enrol(provinceOnly, tehrani).outcome()).isEqualTo(Outcome.NOT_IN_AUDIENCE);
        assertThat(training.openCoursesFor(tehrani, 0, 100)).extracting(CourseView::id).doesNotContain(provinceOnly);

        long open = created(course(5));
        assertThat(training.openCoursesFor(tehrani, 0, 100)).extracting(CourseView::id).contains(open);
        clock.advance(Duration.ofDays(2));
        assertThat(training.enrol(open, tehrani).outcome()).isEqualTo(Outcome.DEADLINE_PASSED);
        assertThat(training.enrol(999_999, tehrani).outcome()).isEqualTo(Outcome.NO_SUCH_COURSE);
    }

    @Test
    void aCourseThatNeedsApprovalHoldsTheSeatUntilTheManagerDecides() {
        NewCourse base = course(1);
        long course = created(new NewCourse(base.title(), base.description(), base.level(), null, base.mode(),
                base.location(), base.sessions(), 1, base.enrolmentDeadline(), null, Audience.ALL, null, true, null,
                base.creator()));
        long asking = member();
        long other = member();
        assertThat(training.enrol(course, asking).outcome()).isEqualTo(Outcome.PENDING_APPROVAL);
        assertThat(training.enrol(course, other).outcome()).isEqualTo(Outcome.FULL);
        training.joinWaitlist(course, other);

        assertThat(training.decide(course, asking, false)).isEqualTo(Change.DONE);
        assertThat(status(course, asking)).isEqualTo(EnrolmentStatus.CANCELLED);
        assertThat(status(course, other)).isEqualTo(EnrolmentStatus.OFFERED);
        training.confirmOffer(course, other);
        assertThat(status(course, other)).isEqualTo(EnrolmentStatus.PENDING_APPROVAL);
        assertThat(training.decide(course, other, true)).isEqualTo(Change.DONE);
        assertThat(status(course, other)).isEqualTo(EnrolmentStatus.ENROLLED);
    }

    @Test
    void cancellingACourseEndsEveryEnrolmentAndNamesWhoToTell() {
        long course = created(course(1));
        long in = member();
        long waiting = member();
        training.enrol(course, in);
        training.joinWaitlist(course, waiting);

        assertThat(training.cancelCourse(course)).isEqualTo(Change.DONE);

        assertThat(status(course, in)).isEqualTo(EnrolmentStatus.CANCELLED);
        assertThat(status(course, waiting)).isEqualTo(EnrolmentStatus.CANCELLED);
        assertThat(events.stream(CourseCancelled.class)).contains(new CourseCancelled(course, List.of(in, waiting)));
        assertThat(training.enrol(course, member()).outcome()).isEqualTo(Outcome.COURSE_NOT_OPEN);
        assertThat(training.cancelCourse(course)).isEqualTo(Change.WRONG_STATE);
    }

    @Test
    void raisingTheCapacityOffersTheNewSeatsToTheWaitlist() {
        long course = created(course(1));
        training.enrol(course, member());
        long waiting = member();
        training.joinWaitlist(course, waiting);

        assertThat(training.edit(course, new CourseEdit.Capacity(0))).isEqualTo(Change.INVALID);
        assertThat(training.edit(course, new CourseEdit.Capacity(2))).isEqualTo(Change.DONE);
        assertThat(status(course, waiting)).isEqualTo(EnrolmentStatus.OFFERED);
    }

    @Test
    void rejectsInvalidCoursesAndCreatesNothing() {
        NewCourse ok = course(2);
        int before = jdbc.queryForObject("SELECT count(*) FROM course", Integer.class);
        assertThat(training.create(new NewCourse("x", ok.description(), ok.level(), null, ok.mode(), ok.location(),
                ok.sessions(), 2, ok.enrolmentDeadline(), null, Audience.ALL, null, false, null, ok.creator())).problem())
                .isEqualTo(CreateResult.Problem.INVALID_TITLE);
        assertThat(training.create(new NewCourse(ok.title(), ok.description(), ok.level(), null, CourseMode.ONLINE,
                "not a link", ok.sessions(), 2, ok.enrolmentDeadline(), null, Audience.ALL, null, false, null,
                ok.creator())).problem()).isEqualTo(CreateResult.Problem.INVALID_LOCATION);
        assertThat(training.create(new NewCourse(ok.title(), ok.description(), ok.level(), null, ok.mode(),
                ok.location(), List.of(new NewCourse.NewSession(START.minusSeconds(60), 60)), 2,
                ok.enrolmentDeadline(), null, Audience.ALL, null, false, null, ok.creator())).problem())
                .isEqualTo(CreateResult.Problem.SESSION_IN_PAST);
        assertThat(training.create(new NewCourse(ok.title(), ok.description(), ok.level(), null, ok.mode(),
                ok.location(), ok.sessions(), 0, ok.enrolmentDeadline(), null, Audience.ALL, null, false, null,
                ok.creator())).problem()).isEqualTo(CreateResult.Problem.INVALID_CAPACITY);
        assertThat(training.create(new NewCourse(ok.title(), ok.description(), ok.level(), null, ok.mode(),
                ok.location(), ok.sessions(), 2, ok.enrolmentDeadline(), null, Audience.COUNTY, null, false, null,
                ok.creator())).problem()).isEqualTo(CreateResult.Problem.INVALID_AUDIENCE);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM course", Integer.class)).isEqualTo(before);
    }
}
