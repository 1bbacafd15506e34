package ir.hamyar.domain.membership;

import java.time.Instant;

/** A member's personal data was erased; other modules end or anonymise what they hold about the member. */
public record MemberErased(long memberId, Instant at) {
}
