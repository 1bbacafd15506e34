package ir.hamyar.domain.training;

import java.time.Instant;

/** {@code waitlistPosition} is 1 for the first in line, null when not waiting. */
public record EnrolmentView(long id, long courseId, long memberId, EnrolmentStatus status, Integer waitlistPosition,
                            Instant offerExpiresAt, Instant createdAt) {
}
