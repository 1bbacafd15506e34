package ir.hamyar.domain.training;

import java.util.List;

/** A course's results were confirmed: who completed it and who did not. */
public record CourseCompleted(long courseId, List<Long> completed, List<Long> notCompleted) {

    public CourseCompleted {
        completed = List.copyOf(completed);
        notCompleted = List.copyOf(notCompleted);
    }
}
