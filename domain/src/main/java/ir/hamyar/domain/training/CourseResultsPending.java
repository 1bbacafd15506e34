package ir.hamyar.domain.training;

/** A course's last session ended; results were computed by the attendance rule and await the manager. */
public record CourseResultsPending(long courseId) {
}
