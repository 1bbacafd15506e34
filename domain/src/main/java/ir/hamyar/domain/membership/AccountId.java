package ir.hamyar.domain.membership;

import ir.hamyar.domain.shared.Platform;

/** A messenger account: the user id on one platform. */
public record AccountId(Platform platform, long userId) {
}
