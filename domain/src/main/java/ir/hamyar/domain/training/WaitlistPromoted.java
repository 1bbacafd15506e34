package ir.hamyar.domain.training;

import java.time.Instant;

/** A seat freed and was offered to the first on the waitlist, who must confirm before {@code offerExpiresAt}. */
public record WaitlistPromoted(long courseId, long memberId, Instant offerExpiresAt) {
}
