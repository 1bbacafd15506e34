package ir.hamyar.domain.membership;

import ir.hamyar.domain.shared.Platform;

/** A new member was created from an account on {@code platform}; {@code referredBy} is the inviter, if any. */
public record MemberRegistered(long memberId, Platform platform, Long referredBy) {
}
