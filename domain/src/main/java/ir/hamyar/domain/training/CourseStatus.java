package ir.hamyar.domain.training;

/** OPEN takes enrolments; CLOSED does not (the course still runs); FINISHED has ended and has results. */
public enum CourseStatus {
    OPEN, CLOSED, CANCELLED, FINISHED
}
