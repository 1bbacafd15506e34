package ir.hamyar.domain.training;

import java.util.List;

/** A course was cancelled; {@code memberIds} are those who were enrolled, waiting or offered a seat. */
public record CourseCancelled(long courseId, List<Long> memberIds) {

    public CourseCancelled {
        memberIds = List.copyOf(memberIds);
    }
}
