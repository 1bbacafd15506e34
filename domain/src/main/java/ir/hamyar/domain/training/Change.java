package ir.hamyar.domain.training;

/** The result of a change to a course or an enrolment; anything but DONE changed nothing. */
public enum Change {
    DONE, NO_SUCH_COURSE, NO_SUCH_ENROLMENT, NO_SUCH_SESSION, WRONG_STATE, DEADLINE_PASSED, OFFER_EXPIRED, INVALID
}
