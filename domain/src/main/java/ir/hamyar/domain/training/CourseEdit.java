package ir.hamyar.domain.training;

import java.time.Instant;

/** One change to a course's details. Text arrives normalised by the caller. */
public sealed interface CourseEdit {

    record Title(String title) implements CourseEdit {
    }

    record Description(String description) implements CourseEdit {
    }

    record Location(String location) implements CourseEdit {
    }

    /** Raising the capacity offers the new seats to the waitlist; it cannot drop below the seats held. */
    record Capacity(int capacity) implements CourseEdit {
    }

    record EnrolmentDeadline(Instant deadline) implements CourseEdit {
    }
}
