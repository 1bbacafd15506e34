package ir.hamyar.domain.training;

/** A member asked to join a course that needs approval; the seat is held until the manager decides. */
public record EnrolmentRequested(long courseId, long memberId) {
}
