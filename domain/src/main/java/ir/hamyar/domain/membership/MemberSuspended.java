package ir.hamyar.domain.membership;

/** A member was suspended (the reason is not carried: it may be personal). */
public record MemberSuspended(long memberId) {
}
