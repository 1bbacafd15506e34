package ir.hamyar.domain.membership;

/** A suspended member is active again. */
public record MemberReinstated(long memberId) {
}
