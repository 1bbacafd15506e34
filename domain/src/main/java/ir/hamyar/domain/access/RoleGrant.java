package ir.hamyar.domain.access;

import ir.hamyar.domain.shared.Platform;

import java.time.Instant;

/** One account holding one role since {@code grantedAt}. */
public record RoleGrant(Platform platform, long userId, Role role, Instant grantedAt) {
}
