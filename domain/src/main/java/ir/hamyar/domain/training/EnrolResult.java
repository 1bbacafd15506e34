package ir.hamyar.domain.training;

/**
 * What an enrolment attempt came to. {@code position} is the waitlist position for {@link Outcome#WAITLISTED}
 * and the position the member would take for {@link Outcome#FULL}.
 */
public record EnrolResult(Outcome outcome, Integer position) {

    public enum Outcome {
        ENROLLED, PENDING_APPROVAL, WAITLISTED, FULL, ALREADY_ENROLLED, COURSE_NOT_OPEN, DEADLINE_PASSED,
        NOT_IN_AUDIENCE, MEMBER_NOT_ACTIVE, NO_SUCH_COURSE
    }

    static EnrolResult of(Outcome outcome) {
        return new EnrolResult(outcome, null);
    }

    public boolean holdsSeat() {
        return outcome == Outcome.ENROLLED || outcome == Outcome.PENDING_APPROVAL;
    }
}
